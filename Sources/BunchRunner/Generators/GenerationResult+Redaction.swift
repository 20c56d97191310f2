extension GenerationResult {
    /// The same result with every secret scrubbed from its texts and reasons.
    func redacted(by redactor: Redactor) -> GenerationResult {
        var copy = self
        copy.texts = texts.map(redactor.scrub)
        switch outcome {
        case .refused(let text): copy.outcome = .refused(redactor.scrub(text))
        case .blocked(let reason): copy.outcome = .blocked(reason: redactor.scrub(reason))
        case .failed(.retryable(let reason, let after)):
            copy.outcome = .failed(.retryable(reason: redactor.scrub(reason), after: after))
        case .failed(.permanent(let reason)): copy.outcome = .failed(.permanent(reason: redactor.scrub(reason)))
        case .quotaExhausted(let reason): copy.outcome = .quotaExhausted(redactor.scrub(reason))
        case .succeeded: break
        }
        return copy
    }
}
