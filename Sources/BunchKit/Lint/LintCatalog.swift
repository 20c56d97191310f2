/// The rule catalog, in the order of SPEC §7.
public enum LintCatalog {
    /// Every rule.
    public static let rules: [any LintRule.Type] = [
        YAMLSyntaxRule.self, DuplicateKeyRule.self, MultipleDocumentsRule.self, AliasLimitRule.self, MergeKeyRule.self,
        UnreadableFileRule.self, UnknownKeyRule.self, WrongTypeRule.self, MissingKeyRule.self, KeyStyleRule.self,
        MalformedPlaceholderRule.self, DuplicateNameRule.self, ExtendsCycleRule.self, UnknownTemplateRule.self,
        UnknownBrandRule.self, MissingRequiredVariableRule.self, UndefinedPlaceholderRule.self, UnusedAxisRule.self,
        ValueNotAllowedRule.self, UnknownModelRule.self, UnsupportedAspectRatioRule.self, UnsupportedImageSizeRule.self,
        LowercaseImageSizeRule.self, RetiredModelRule.self, MissingReferenceRule.self, TooManyReferencesRule.self,
        LinkedLengthMismatchRule.self, UnknownAxisRule.self, UnknownValueRule.self, DuplicateVariableRule.self,
        ExpansionLimitRule.self, EmptySectionRule.self, ContradictoryDirectionsRule.self, OverlongPromptRule.self,
        OverlongAvoidRule.self, TextOnFlashRule.self, BudgetExceededRule.self,
    ]

    /// The rule with an id.
    public static func rule(id: String) -> (any LintRule.Type)? {
        rules.first { $0.id == id }
    }
}
