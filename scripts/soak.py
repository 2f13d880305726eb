"""Soak test: simulated users against a running Assure server, with the server's memory sampled throughout.

Each user signs in (a session of its own) and loops with a short think time: viewers read dashboards, project pages,
the JSON API and downloads; editors open their programme's returns and save them (a conflict, 409, is the right
answer when two saved the same return at once, and is counted, not an error); the PMO reads the returns tracking,
the audit log and exports. Anything else than the expected status, a 5xx, a timeout or a refused connection is an error.
"""
import argparse, html, json, random, re, statistics, sys, threading, time, urllib.error, urllib.parse, urllib.request
from http.cookiejar import CookieJar

PASSWORD = "demo-pmo-2016"
# Each simulated person has an account of their own (scripts/soak adds them), as the demo's role it copies: 200 people
# signing in to five shared accounts at once would be held back by the sign-in throttle, as it should be.
SOAK_PASSWORD = "soak-password-2026"
# The demo's open period (CDG Priorities, October 2016) holds Jane's programme; Phil's are all published, so his
# users read (an editor with nothing open behaves as a viewer).
ROLES = [("viewer", "board@assure.demo", 0.40), ("viewer", "karen.kirkham@assure.demo", 0.10),
         ("editor", "jane.brennan@assure.demo", 0.30), ("editor", "phil.richardson@assure.demo", 0.10),
         ("admin", "pmo@assure.demo", 0.10)]


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies, self.kinds, self.errors, self.conflicts, self.samples = [], {}, [], 0, []
        self.cache_samples = []
        self.by_kind = {}

    def add(self, kind, seconds, ok, detail=""):
        with self.lock:
            self.latencies.append(seconds)
            self.by_kind.setdefault(kind, []).append(seconds)
            self.kinds[kind] = self.kinds.get(kind, 0) + 1
            if not ok:
                self.errors.append(f"{kind}: {detail}")


class User(threading.Thread):
    def __init__(self, base, role, email, ids, recorder, stop_at, account=None):
        super().__init__(daemon=True)
        self.base, self.role, self.email, self.ids, self.rec, self.stop_at = base, role, email, ids, recorder, stop_at
        self.account = account
        # Behind a balancer each person comes from an address of their own, which the balancer passes on in
        # X-Forwarded-For (Assure trusts it from the balancer only; a server asked directly ignores it).
        self.address = f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect())
        self.csrf = None

    def request(self, kind, path, form=None, expect=(200,)):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        started = time.perf_counter()
        try:
            request = urllib.request.Request(self.base + path, data=data, headers={"X-Forwarded-For": self.address})
            response = self.opener.open(request, timeout=30)
            status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        except Exception as error:  # refused, reset, timeout
            self.rec.add(kind, time.perf_counter() - started, False, repr(error))
            return None, b""
        elapsed = time.perf_counter() - started
        ok = status in expect
        if status == 409 and kind == "save-return":
            with self.rec.lock:
                self.rec.conflicts += 1
        self.rec.add(kind, elapsed, ok, f"{status} {path}")
        token = re.search(rb'name="_csrf" value="([^"]+)"', body)
        if token:
            self.csrf = token.group(1).decode()
        return status, body

    def sign_in(self):
        self.request("login-page", "/login")
        email, password = (self.account, SOAK_PASSWORD) if self.account else (self.email, PASSWORD)
        self.request("sign-in", "/login", {"email": email, "password": password, "_csrf": self.csrf or ""}, expect=(303,))
        self.request("home", "/")

    def run(self):
        try:
            self.sign_in()
            while time.time() < self.stop_at:
                getattr(self, self.role)()
                time.sleep(random.uniform(0.3, 1.2))
        except Exception as error:  # a user that stops is an error, not a silent gap
            self.rec.add("user", 0.0, False, repr(error))

    def viewer(self):
        period = random.choice(self.ids["periods"])
        choice = random.random()
        if choice < 0.35:
            self.request("dashboard", f"/periods/{period}/{random.choice(['programme-dashboard', 'priorities', 'exceptions'])}")
        elif choice < 0.6:
            self.request("project", f"/projects/{random.choice(self.ids['projects'])}")
        elif choice < 0.8:
            self.request("api", random.choice(["/api/v1/portfolios", f"/api/v1/periods/{period}/programme-dashboard",
                                                f"/api/v1/projects/{random.choice(self.ids['projects'])}"]))
        elif choice < 0.9:
            self.request("export", f"/periods/{period}/programme-dashboard?format={random.choice(['csv', 'xlsx'])}")
        else:
            self.request("changes", f"/portfolios/{random.choice(self.ids['portfolios'])}/changes")

    def editor(self):
        editable = self.ids["editable"].get(self.email, [])
        if not editable or random.random() < 0.3:
            return self.viewer()
        project = random.choice(editable)
        path = f"/periods/{self.ids['open']}/returns/{project}"
        status, body = self.request("return-form", path)
        if status != 200:
            return
        page = body.decode("utf-8", "replace")
        fields = {"_csrf": self.csrf, "rating": random.choice(["Green", "Amber", "Red"]),
                  "update": f"Soak update {random.randint(1, 10**9)}: on plan.", "mitigation": ""}
        for tag in re.findall(r"<input [^>]*>", page):
            name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
            if name and value and (name.group(1) == "baseVersion" or re.fullmatch(r"m\d+-(title|date)", name.group(1))):
                fields[name.group(1)] = html.unescape(value.group(1))
        self.request("save-return", path, fields, expect=(303, 409))

    def admin(self):
        choice = random.random()
        if choice < 0.4:
            self.request("tracking", f"/periods/{self.ids['open']}/returns")
        elif choice < 0.55:
            self.request("audit", "/audit")
        elif choice < 0.7:
            self.request("export", f"/periods/{self.ids['open']}/returns?format=xlsx")
        elif choice < 0.75:
            # Chasing is once a day per person, whichever server is asked and however often: the SMTP server counts.
            self.request("tracking", f"/periods/{self.ids['open']}/returns")
            self.request("chase", f"/periods/{self.ids['open']}/chase", {"_csrf": self.csrf or ""}, expect=(303,))
        else:
            self.viewer()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS")).split()[1])


def cached_mb(url):
    """What the server holds for readers (pages, kept answers), from its /metrics, in MB; None if unreadable."""
    try:
        text = urllib.request.urlopen(url, timeout=5).read().decode()
    except Exception:
        return None
    total = sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith("assure_cached_bytes{"))
    return total / 1024 / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--pid", type=int, action="append", required=True, help="a server's process; repeat for each")
    parser.add_argument("--metrics", action="append", default=[],
                        help="a server's /metrics URL, in the order of --pid, to read its caches against its memory")
    parser.add_argument("--ids", required=True)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--json")
    parser.add_argument("--accounts", help="lines of 'account<TAB>demo email it copies', one per user")
    args = parser.parse_args()
    ids = json.load(open(args.ids))
    recorder = Recorder()
    started = time.time()
    stop_at = started + args.seconds
    weights = [weight for _, _, weight in ROLES]
    users = []
    accounts = [line.split("\t") for line in open(args.accounts).read().split("\n") if line] if args.accounts else []
    roles = {email: role for role, email, _ in ROLES}
    for index in range(args.users):
        if accounts:
            account, email = accounts[index % len(accounts)]
            users.append(User(args.base, roles[email], email, ids, recorder, stop_at, account=account))
        else:
            role, email, _ = random.choices(ROLES, weights)[0]
            users.append(User(args.base, role, email, ids, recorder, stop_at))
    for user in users:  # ramp up over about 20 s, so the sign-ins (Bcrypt) do not all land at once
        user.start()
        time.sleep(20 / args.users)
    def sample():
        recorder.samples.append((time.time() - started, {pid: rss_kb(pid) for pid in args.pid}))
    def sample_caches():
        recorder.cache_samples.append((time.time() - started, {pid: cached_mb(url) for pid, url in zip(args.pid, args.metrics)}))
    count = 0
    while time.time() < stop_at:
        sample()
        if args.metrics and count % 12 == 0:
            sample_caches()
        count += 1
        time.sleep(5)
    for user in users:
        user.join(timeout=60)
    sample()
    if args.metrics:
        sample_caches()
    report(recorder, args, time.time() - started)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000


def slope_mb_per_minute(samples):
    if len(samples) < 3:
        return 0.0
    return statistics.linear_regression([t / 60 for t, _ in samples], [kb / 1024 for _, kb in samples]).slope


def report(rec, args, elapsed):
    # Memory, per server: the first minute is warm-up (sign-ins, caches, SQLite's page cache); the trend is read on the
    # second half.
    def memory(pid):
        samples = [(t, kbs[pid]) for t, kbs in rec.samples]
        second_half = [(t, kb) for t, kb in samples if t >= elapsed / 2]
        return {
            "rss_mb_after_first_minute": round(next((kb for t, kb in samples if t >= 60), samples[-1][1]) / 1024, 1),
            "rss_mb_end": round(samples[-1][1] / 1024, 1), "rss_mb_max": round(max(kb for _, kb in samples) / 1024, 1),
            "rss_slope_mb_per_minute_second_half": round(slope_mb_per_minute(second_half), 2),
        }
    def caches(pid):
        # The caches each have a bound; memory that grows with them is filling, not leaking. So the trend of memory less
        # the caches, read at the minutes the caches were read, is reported beside the memory's own.
        rss = dict(rec.samples)
        paired = [(t, rss[min(rss, key=lambda s: abs(s - t))][pid] / 1024 - mb) for t, mbs in rec.cache_samples
                  if (mb := mbs.get(pid)) is not None]
        if not paired:
            return {}
        last = rec.cache_samples[-1][1].get(pid)
        second_half = [(t, mb * 1024) for t, mb in paired if t >= elapsed / 2]
        return {"cached_mb_end": round(last, 1) if last is not None else None,
                "rss_less_caches_mb_end": round(paired[-1][1], 1),
                "rss_less_caches_slope_mb_per_minute_second_half": round(slope_mb_per_minute(second_half), 2)}
    servers = [memory(pid) | caches(pid) for pid in args.pid]
    result = {
        "users": args.users, "seconds": round(elapsed), "requests": len(rec.latencies), "errors": len(rec.errors),
        "conflicts": rec.conflicts, "requests_per_second": round(len(rec.latencies) / elapsed, 1),
        "p50_ms": round(percentile(rec.latencies, 0.50), 1), "p95_ms": round(percentile(rec.latencies, 0.95), 1),
        "p99_ms": round(percentile(rec.latencies, 0.99), 1), "max_ms": round(max(rec.latencies) * 1000, 1),
        **(servers[0] if len(servers) == 1 else {"servers": servers}),
        "by_kind": {kind: {"requests": len(values), "p50_ms": round(percentile(values, 0.5), 1), "p99_ms": round(percentile(values, 0.99), 1),
                           "max_ms": round(max(values) * 1000, 1)} for kind, values in sorted(rec.by_kind.items())},
        "first_errors": rec.errors[:10],
    }
    print(json.dumps(result, indent=2))
    if args.json:
        json.dump(result | {"rss_samples": rec.samples, "cache_samples": rec.cache_samples}, open(args.json, "w"), indent=2)
    sys.exit(1 if rec.errors else 0)


if __name__ == "__main__":
    main()
