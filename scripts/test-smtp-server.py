"""A real SMTP server on loopback for Assure's tests: aiosmtpd, storing every message in a maildir.

usage: test-smtp-server.py PORT MAILDIR [--auth USER:PASSWORD] [--starttls CERT KEY]
Prints "ready" once it accepts connections; stops on SIGTERM.
"""
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    port, maildir = int(sys.argv[1]), sys.argv[2]
    args = sys.argv[3:]
    kwargs = {}
    if "--auth" in args:
        user, password = args[args.index("--auth") + 1].split(":", 1)

        def authenticator(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
            return AuthResult(success=ok, handled=False)

        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls="--starttls" in args)
    if "--starttls" in args:
        cert, key = args[args.index("--starttls") + 1], args[args.index("--starttls") + 2]
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        kwargs.update(tls_context=context, require_starttls=True)
    controller = Controller(Mailbox(maildir), hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    # A parent may start us with SIGTERM blocked (inherited mask); unblock it so stop() works.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    # A short timeout lets the main thread run the SIGTERM handler; a bare wait() would not wake for it.
    while not stop.wait(0.2):
        pass
    controller.stop()


if __name__ == "__main__":
    main()
