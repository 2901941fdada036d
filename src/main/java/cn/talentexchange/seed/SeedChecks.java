package cn.talentexchange.seed;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.talentexchange.demand.Seat;
import cn.talentexchange.demand.VisitDuration;
import cn.talentexchange.expert.HeldSkill;
import cn.talentexchange.pairing.County;
import cn.talentexchange.pairing.Park;
import cn.talentexchange.pairing.UrbanDistrict;
import cn.talentexchange.security.Role;

/** The checks across seed files: every reference resolves and every key is unique. */
final class SeedChecks {

	private final SeedSet seeds;

	private final List<String> problems = new ArrayList<>();

	SeedChecks(SeedSet seeds) {
		this.seeds = seeds;
	}

	List<String> problems() {
		Set<String> counties = ids(seeds.geography().counties(), County::id);
		Set<String> districts = ids(seeds.geography().districts(), UrbanDistrict::id);
		Set<String> parks = ids(seeds.geography().parks(), Park::id);
		Set<String> organisations = new HashSet<>(districts);
		organisations.addAll(parks);
		Set<String> skills = ids(seeds.taxonomy().skills(), SeedFiles.SkillSeed::code);
		Map<String, String> skillCategory = seeds.taxonomy().skills().stream()
			.collect(Collectors.toMap(SeedFiles.SkillSeed::code, skill -> skill.category().name(), (a, b) -> a));
		Map<String, Set<String>> subCategories = seeds.taxonomy().categories().stream()
			.collect(Collectors.toMap(category -> category.code().name(), category -> category.subCategories().stream()
				.map(SeedFiles.NamedSeed::code).collect(Collectors.toSet()), (a, b) -> a));

		unique("geography.json pairings", seeds.geography().pairings(), pairing -> pairing.countyId());
		seeds.geography().pairings().forEach(pairing -> {
			require(counties.contains(pairing.countyId()), "geography.json pairing " + pairing.id() + ": no county " + pairing.countyId());
			require(parks.contains(pairing.parkId()), "geography.json pairing " + pairing.id() + ": no park " + pairing.parkId());
			require(districts.contains(pairing.districtId()), "geography.json pairing " + pairing.id() + ": no district " + pairing.districtId());
		});
		unique("skills.json categories", seeds.taxonomy().categories(), category -> category.code().name());
		Set<String> usernames = ids(seeds.users(), SeedFiles.UserSeed::username);
		for (SeedFiles.UserSeed user : seeds.users()) {
			String where = "users.json " + user.username();
			require(!user.roles().contains(Role.COUNTY_AGENCY) || counties.contains(user.countyId()),
					where + ": a county agency needs a known countyId, not " + user.countyId());
			if (user.organisationIds() != null) {
				user.organisationIds().forEach(organisation -> require(organisations.contains(organisation) || counties.contains(organisation),
						where + ": no organisation " + organisation));
			}
		}
		ids(seeds.experts(), SeedFiles.ExpertSeed::id);
		Set<String> expertUsernames = ids(seeds.experts(), SeedFiles.ExpertSeed::username);
		expertUsernames.stream().filter(usernames::contains)
			.forEach(name -> problems.add("experts.json " + name + ": a staff user has the same username"));
		for (SeedFiles.ExpertSeed expert : seeds.experts()) {
			String where = "experts.json " + expert.id();
			require(organisations.contains(expert.organisationId()), where + ": no district or park " + expert.organisationId());
			expert.skills().stream().map(HeldSkill::skill).filter(skill -> !skills.contains(skill))
				.forEach(skill -> problems.add(where + ": unknown skill " + skill));
			orEmpty(expert.preferredCountyIds()).stream().filter(county -> !counties.contains(county))
				.forEach(county -> problems.add(where + ": unknown preferred county " + county));
			expert.availability().stream().flatMap(weekend -> weekend.days().stream()).filter(SeedChecks::notWeekend)
				.forEach(day -> problems.add(where + ": availability on " + day + " is not a weekend day"));
		}
		ids(seeds.requests(), SeedFiles.RequestSeed::id);
		for (SeedFiles.RequestSeed request : seeds.requests()) {
			String where = "requests.json " + request.id();
			require(counties.contains(request.countyId()), where + ": no county " + request.countyId());
			require(usernames.contains(request.postedBy()), where + ": postedBy " + request.postedBy() + " is not a staff user");
			require(subCategories.getOrDefault(request.category().name(), Set.of()).contains(request.subCategory()),
					where + ": " + request.subCategory() + " is not a sub-category of " + request.category());
			request.seats().stream().map(Seat::skill).filter(skill -> !skills.contains(skill))
				.forEach(skill -> problems.add(where + ": unknown seat skill " + skill));
			request.acceptable().days().stream().filter(SeedChecks::notWeekend)
				.forEach(day -> problems.add(where + ": " + day + " is not a weekend day"));
			require(request.duration() != VisitDuration.WEEKEND || request.acceptable().days().equals(List.of(DayOfWeek.SATURDAY)),
					where + ": a whole-weekend visit must list SATURDAY only");
			orEmpty(request.excludedOrganisationIds()).stream().filter(organisation -> !organisations.contains(organisation))
				.forEach(organisation -> problems.add(where + ": unknown excluded organisation " + organisation));
		}
		seeds.taxonomy().skills().forEach(skill -> require(subCategories.containsKey(skillCategory.get(skill.code())),
				"skills.json " + skill.code() + ": unknown category " + skill.category()));
		return problems;
	}

	private <T> Set<String> ids(List<T> records, Function<T, String> id) {
		unique("", records, id);
		return records.stream().map(id).collect(Collectors.toSet());
	}

	private <T> void unique(String what, List<T> records, Function<T, String> key) {
		Set<String> seen = new HashSet<>();
		records.stream().map(key).filter(value -> !seen.add(value))
			.forEach(value -> problems.add((what.isEmpty() ? "" : what + ": ") + "'" + value + "' appears twice"));
	}

	private void require(boolean condition, String problem) {
		if (!condition) {
			problems.add(problem);
		}
	}

	private static boolean notWeekend(DayOfWeek day) {
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

}
