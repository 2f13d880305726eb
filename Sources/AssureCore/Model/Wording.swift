/// Messages are built from whole words: "1 item", "2 items", never "(1 items)".
public enum Wording {
    public static func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
