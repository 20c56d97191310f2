/// Expands a resolved campaign into a plan: counts first (arithmetic), refusing beyond `limit`
/// before anything is materialised, then the sample if one is asked for.
public enum Planner {
    /// Counts a campaign's requests without visiting its combinations.
    public static func counts(of campaign: ResolvedCampaign) throws(PlanError) -> CampaignPlan.Counts {
        let space = campaign.space
        do {
            let product = try space.productCount()
            let kept = try space.keptProductCount()
            let added = try space.addedByIncludeCount()
            let combinations = kept + added
            let sampled = campaign.spec.sample.map { min($0.count.value, combinations) }
            let (requests, overflow) = (sampled ?? combinations).multipliedReportingOverflow(by: campaign.variants)
            if overflow { throw ExpansionError.tooLarge }
            return CampaignPlan.Counts(product: product, excluded: product - kept, included: added,
                                       combinations: combinations, sampled: sampled, variants: campaign.variants,
                                       requests: requests)
        } catch let error as ExpansionError {
            throw .expansion(error)
        } catch {
            throw .expansion(.tooLarge)
        }
    }

    /// Plans a campaign: refuses it when it expands beyond its limit, draws the sample, and
    /// hashes the reference images that can be read (lint reports the others).
    public static func plan(_ campaign: ResolvedCampaign, references resolver: ReferenceResolver) throws(PlanError)
        -> CampaignPlan {
        let counts = try counts(of: campaign)
        guard counts.requests <= campaign.limit else {
            throw .overLimit(requests: counts.requests, limit: campaign.limit)
        }
        var sampled: [[Int]]?
        if let sample = campaign.spec.sample, sample.count.value < counts.combinations {
            do {
                sampled = try CombinationSampler.sample(campaign.space, count: sample.count.value, seed: sample.seed)
            } catch {
                throw .expansion(error)
            }
        }
        let references = (campaign.composed?.references ?? []).compactMap { try? resolver.digest($0).get() }
        return CampaignPlan(campaign: campaign, counts: counts, references: references, sampled: sampled)
    }
}
