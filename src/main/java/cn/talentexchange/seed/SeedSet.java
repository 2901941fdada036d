package cn.talentexchange.seed;

import java.util.List;

/** Everything in {@code seeds/}, read and individually valid, before the cross-file checks. */
record SeedSet(SeedFiles.Geography geography, SeedFiles.Taxonomy taxonomy, List<SeedFiles.UserSeed> users,
		List<SeedFiles.ExpertSeed> experts, List<SeedFiles.RequestSeed> requests) {
}
