/// A lookup's `on:` may be left out when it is filtered (`where:`/`pick:`): the subject is the only key.
extension Lookup {
    private enum Keys: String, CodingKey {
        case form, on, `where`, pick, by
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(form: try c.decode(String.self, forKey: .form), on: try c.decodeIfPresent([String].self, forKey: .on) ?? [])
        self.where = try c.decodeIfPresent(Condition.self, forKey: .where)
        pick = try c.decodeIfPresent(LookupPick.self, forKey: .pick)
        by = try c.decodeIfPresent(String.self, forKey: .by)
    }
}
