import AssureStorage
import Testing

/// The caches of published pages and reports hold up to a bound and drop the least recently used first; what they hold
/// is reported to Prometheus, so a server's memory can be read against them.
@Suite("Bounded caches")
struct BoundedCacheTests {
    @Test("holds up to its bound, dropping the least recently used, and reports what it holds")
    func boundAndCost() {
        // given a cache of 100 bytes holding two pages of 40
        let cache = BoundedCache<String, String>(capacity: 100)
        cache.insert("june", for: "june", cost: 40)
        cache.insert("july", for: "july", cost: 40)
        #expect(cache.cost == 80)
        // when June is read again and a third page arrives
        _ = cache.value(for: "june")
        cache.insert("august", for: "august", cost: 40)
        // then July, the least recently used, made room, and the cost stays within the bound
        #expect(cache.value(for: "july") == nil)
        #expect(cache.value(for: "june") == "june")
        #expect(cache.value(for: "august") == "august")
        #expect(cache.cost == 80)
        // and a value dearer than the whole bound is not kept, nor does it push anything out
        cache.insert("whole portfolio", for: "all", cost: 101)
        #expect(cache.value(for: "all") == nil)
        #expect(cache.count == 2)
        // and replacing a value counts its new cost only
        cache.insert("june again", for: "june", cost: 10)
        #expect(cache.cost == 50)
        cache.removeAll()
        #expect(cache.cost == 0)
    }
}
