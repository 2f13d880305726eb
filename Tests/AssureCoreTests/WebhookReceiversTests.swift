import AssureCore
import Testing

@Suite("Where webhooks may go")
struct WebhookReceiversTests {
    @Test("By default anywhere outside: this machine, private, link-local and disguised addresses are refused")
    func byDefault() {
        let receivers = WebhookReceivers()
        for host in ["hooks.example.org", "prod-12.westeurope.logic.azure.com", "203.0.113.7", "[2001:db8::1]"] {
            #expect(receivers.problem(withHost: host) == nil, "\(host)")
        }
        for host in [
            "localhost", "api.localhost", "127.0.0.1", "127.1.2.3", "10.0.0.5", "172.20.1.1", "192.168.1.10",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "[::1]", "[fd00::1]", "[fe80::1]", "[::ffff:127.0.0.1]",
            "2130706433", "0x7f.0.0.1", "0177.0.0.1", "127.1", "127.000.000.001",
        ] {
            #expect(receivers.problem(withHost: host) != nil, "\(host)")
        }
    }

    @Test("A deployment's list: those hosts, their subdomains where starred, and ranges; nothing else")
    func listed() {
        let receivers = WebhookReceivers(allowed: ["hooks.example.org", "*.logic.azure.com", "10.1.0.0/16"])
        for host in ["hooks.example.org", "HOOKS.example.org", "prod.westeurope.logic.azure.com", "10.1.2.3"] {
            #expect(receivers.problem(withHost: host) == nil, "\(host)")
        }
        for host in ["example.org", "evil-hooks.example.org", "logic.azure.com.evil.net", "10.2.0.1", "203.0.113.7"] {
            #expect(receivers.problem(withHost: host) != nil, "\(host)")
        }
        #expect(WebhookReceivers.problem(withPattern: "*.example.org") == nil)
        #expect(WebhookReceivers.problem(withPattern: "10.0.0.0/8") == nil)
        #expect(WebhookReceivers.problem(withPattern: "https://example.org/x") != nil)
        #expect(WebhookReceivers.problem(withPattern: "") != nil)
    }
}
