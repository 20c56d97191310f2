/// Aliases that expand a document beyond a bound (a "billion laughs" file).
public struct AliasLimitRule: LintRule {
    public static let id = "alias-limit"
    public static let summary = "Aliases that expand a document beyond a bound (a \"billion laughs\" file)"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["templates/t.yaml": AliasLimitRule.bomb]),
        .nonTriggering(["templates/t.yaml": "x: &a [1, 2]\nsections:\n  subject: plain\n"]),
    ]

    /// Nine levels of ten aliases each: 10^9 nodes if expanded.
    static let bomb = """
        a: &a [x, x, x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: ↓&f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]

        """

    public init() {}
}
