"""A real SMTP server on loopback for Assure's tests: aiosmtpd, storing every message in a maildir.

usage: test-smtp-server.py PORT MAILDIR [--auth USER:PASSWORD] [--starttls CERT KEY] [--hold-first SECONDS]
--hold-first stores the first message, then holds back its "250 OK" for SECONDS: the moment in which a sender that
dies cannot know whether its message arrived.
Prints "ready" once it accepts connections; stops on SIGTERM.
"""
import asyncio
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword


class HoldFirst(Mailbox):
    """Stores every message; the first one's reply is held back for a while."""

    def __init__(self, maildir, seconds):
        super().__init__(maildir)
        self.seconds, self.held = seconds, False

    async def handle_DATA(self, server, session, envelope):
        reply = await super().handle_DATA(server, session, envelope)
        if not self.held:
            self.held = True
            await asyncio.sleep(self.seconds)
        return reply


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
    handler = Mailbox(maildir)
    if "--hold-first" in args:
        handler = HoldFirst(maildir, float(args[args.index("--hold-first") + 1]))
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
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
