import Testing
@testable import ProxyAdmin

/// The `claude-per-turn-control` rule of 1.110.2's bundled cost map, matched as Python's
/// `re.search(..., re.IGNORECASE)` matches it.
struct PerTurnControlTests {
    @Test(arguments: [
        ("anthropic.claude-sonnet-4-5-20250929-v1:0", true),
        ("us.anthropic.claude-opus-4-6-v1:0", true),
        ("anthropic.claude-fable-5-v1:0", true),
        ("anthropic.claude-opus-4.5", true), ("anthropic.claude-opus-4_5", true),
        ("anthropic.claude-opus-4-10", true),
        ("anthropic.claude-opus-4-1-20250805-v1:0", false),
        ("anthropic.claude-3-5-sonnet-20240620-v1:0", false),
        ("anthropic.claude-opus-45", false),  // a two-digit major is not 4.5
        ("anthropic.claude-opus-4-05", false),
        ("anthropic.claude-sonnet-4-20250514-v1:0", false),  // a date is no minor
        ("anthropic.claude-Sonnet-4-5", true),  // IGNORECASE
        ("anthropic.claude-\u{212A}ite-5", true),  // the Kelvin sign folds to k
        ("anthropic.claude-\u{17F}onnet-5", true),  // long s folds to s
        ("anthropic.claude-sonnet-4-5\u{661}", true),  // [1-9]\d: an Arabic-Indic digit is a \d
        ("anthropic.claude-sonnet-5\u{661}", false),  // (?!\d) with a Unicode digit after
        ("anthropic.claude-sonnet-4-\u{665}", false),  // [5-9] is ASCII only
    ])
    func rule(_ model: String, _ matches: Bool) {
        #expect(PerTurnControl.ruleMatches(model) == matches, "\(model)")
    }

    @Test func theDeploymentSettingWins() {
        #expect(PerTurnControl.basis(model: "anthropic.claude-sonnet-4-5", deploymentFlag: false) == .deploymentFlag(false))
        #expect(PerTurnControl.basis(model: "anthropic.claude-3-haiku", deploymentFlag: true).keeps)
    }

    @Test func onlyBedrockIdsAreDecidedByTheRule() {
        #expect(PerTurnControl.basis(model: "invoke/us.anthropic.claude-sonnet-4-5-v1:0", deploymentFlag: nil) == .rule(matched: true))
        #expect(PerTurnControl.basis(model: "global.anthropic.claude-opus-4-1", deploymentFlag: nil) == .rule(matched: false))
        for name in ["claude-sonnet-4-5", "arn:aws:bedrock:us-east-1:1:application-inference-profile/claude-sonnet-4-5", "claude-opus-latest"] {
            guard case .undecided = PerTurnControl.basis(model: name, deploymentFlag: nil) else { Issue.record("\(name) decided"); continue }
        }
        guard case .undecided = PerTurnControl.basis(model: nil, deploymentFlag: nil) else { Issue.record("no model decided"); return }
    }
}
