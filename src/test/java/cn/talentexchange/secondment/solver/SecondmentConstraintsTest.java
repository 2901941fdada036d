package cn.talentexchange.secondment.solver;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.secondment.Direction;
import cn.talentexchange.secondment.Period;
import cn.talentexchange.secondment.RequiredSkill;
import cn.talentexchange.secondment.Sector;
import cn.talentexchange.secondment.Tier;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Each secondment rule on hand-built fixtures: a case that fires with its exact weight and a close one that does not. */
class SecondmentConstraintsTest {

	private static final Period SPRING = new Period(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 8, 31));

	private static final Period SUMMER = new Period(LocalDate.of(2027, 6, 1), LocalDate.of(2027, 11, 30));

	private static final Period AUTUMN = new Period(LocalDate.of(2027, 9, 1), LocalDate.of(2028, 2, 29));

	private static final Period YEARS = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2029, 12, 31));

	private static final SolutionManager<SecondmentPlan, HardMediumSoftLongScore> SCORES = SolutionManager.create(
			SolverFactory.create(new SolverConfig().withSolutionClass(SecondmentPlan.class).withEntityClasses(PositionSlot.class)
				.withConstraintProviderClass(SecondmentConstraints.class)));

	private final ConstraintVerifier<SecondmentConstraints, SecondmentPlan> verifier = ConstraintVerifier
		.build(new SecondmentConstraints(), SecondmentPlan.class, PositionSlot.class);

	private int slots;

	@Test
	void aMissingSkillLevelIsHardPerSkill() {
		PostFact post = countyPost("faku-drc", SPRING, List.of(new RequiredSkill("industrial-planning", 3),
				new RequiredSkill("project-financing", 3)));
		verifier.verifyThat(SecondmentConstraints::lacksSkill)
			.given(slot(post, cityCadre("a", Map.of("industrial-planning", 2)))).penalizesBy(2);
		verifier.verifyThat(SecondmentConstraints::lacksSkill)
			.given(slot(post, cityCadre("b", Map.of("industrial-planning", 3, "project-financing", 4)))).penalizesBy(0);
	}

	@Test
	void theCandidateMustBeFreeForTheWholePeriod() {
		PostFact post = countyPost("faku-drc", SPRING, List.of());
		CandidateFact partly = candidate("a", "huanggu-drc", "huanggu", Sector.GOVERNMENT, Tier.CITY, "pairing-faku",
				Map.of(), List.of(new Period(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 7, 31))), List.of(), Set.of(), Set.of());
		verifier.verifyThat(SecondmentConstraints::notAvailable).given(slot(post, partly)).penalizesBy(1);
		verifier.verifyThat(SecondmentConstraints::notAvailable).given(slot(post, cityCadre("b", Map.of()))).penalizesBy(0);
	}

	@Test
	void aPlacementOutsideThePlanBlocksTheSamePeriod() {
		CandidateFact placed = candidate("a", "huanggu-drc", "huanggu", Sector.GOVERNMENT, Tier.CITY, "pairing-faku",
				Map.of(), List.of(YEARS), List.of(SUMMER), Set.of(), Set.of());
		verifier.verifyThat(SecondmentConstraints::alreadyPlaced)
			.given(slot(countyPost("faku-drc", SPRING, List.of()), placed)).penalizesBy(1);
		verifier.verifyThat(SecondmentConstraints::alreadyPlaced)
			.given(slot(countyPost("faku-drc", new Period(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 5, 31)), List.of()),
					placed)).penalizesBy(0);
	}

	@Test
	void onePersonCannotHoldTwoOverlappingPosts() {
		CandidateFact cadre = cityCadre("a", Map.of());
		verifier.verifyThat(SecondmentConstraints::twoPosts)
			.given(slot(countyPost("faku-drc", SPRING, List.of()), cadre), slot(countyPost("faku-invest", SUMMER, List.of()), cadre))
			.penalizesBy(1);
		verifier.verifyThat(SecondmentConstraints::twoPosts)
			.given(slot(countyPost("faku-drc", SPRING, List.of()), cadre), slot(countyPost("faku-invest", AUTUMN, List.of()), cadre))
			.penalizesBy(0);
	}

	@Test
	void theCandidateMustFitThePostsDirection() {
		PostFact cityToCounty = countyPost("faku-drc", SPRING, List.of());
		verifier.verifyThat(SecondmentConstraints::wrongDirection).given(slot(cityToCounty, countyCadre("a"))).penalizesBy(1);
		verifier.verifyThat(SecondmentConstraints::wrongDirection).given(slot(cityToCounty, cityCadre("b", Map.of())))
			.penalizesBy(0);
		PostFact governmentToEnterprise = new PostFact("post-x", "faku-invest", "faku", Sector.ENTERPRISE, Tier.COUNTY,
				"pairing-faku", SPRING, List.of(), Direction.GOVERNMENT_TO_ENTERPRISE, 2);
		verifier.verifyThat(SecondmentConstraints::wrongDirection).given(slot(governmentToEnterprise, cityCadre("c", Map.of())))
			.penalizesBy(0);
	}

	@Test
	void atMostTheLimitOfOneOrganisationAwayOnAnyDay() {
		SecondmentRules two = new SecondmentRules(2);
		OrganisationAway oneAlready = new OrganisationAway("huanggu-drc", List.of(SPRING));
		List<Object> threeOverlapping = List.of(two, oneAlready, slot(countyPost("faku-drc", SPRING, List.of()), cityCadre("a", Map.of())),
				slot(countyPost("faku-invest", SUMMER, List.of()), cityCadre("b", Map.of())));
		verifier.verifyThat(SecondmentConstraints::tooManyAway).given(threeOverlapping.toArray()).penalizesBy(1);
		verifier.verifyThat(SecondmentConstraints::tooManyAway)
			.given(two, oneAlready, slot(countyPost("faku-drc", SPRING, List.of()), cityCadre("a", Map.of())),
					slot(countyPost("faku-invest", AUTUMN, List.of()), cityCadre("b", Map.of())))
			.penalizesBy(0);
	}

	@Test
	void anEmptyPositionCostsItsPostsPriority() {
		PositionSlot empty = slot(countyPost("faku-drc", SPRING, List.of()), null);
		verifier.verifyThat(SecondmentConstraints::unfilled).given(empty).penalizesBy(2);
		verifier.verifyThat(SecondmentConstraints::unfilled).given(slot(countyPost("faku-drc", SPRING, List.of()),
				cityCadre("a", Map.of()))).penalizesBy(0);
	}

	@Test
	void reciprocityCostsTiltingAndRewardsEvening() {
		// Six months (tenths: 60) from the city to Faku, where the county already sent 10 months more than it got.
		PositionSlot cityToFaku = slot(countyPost("faku-drc", SPRING, List.of()), cityCadre("a", Map.of()));
		int tenths = (int) Math.round(SPRING.months() * 10);
		verifier.verifyThat(SecondmentConstraints::reciprocityEvened)
			.given(new PairingBalance("pairing-faku", 0, 10), cityToFaku).rewardsWith(tenths);
		verifier.verifyThat(SecondmentConstraints::reciprocity)
			.given(new PairingBalance("pairing-faku", 0, 10), cityToFaku).penalizesBy(0);
		verifier.verifyThat(SecondmentConstraints::reciprocity)
			.given(new PairingBalance("pairing-faku", 10, 0), cityToFaku).penalizesBy(tenths);
		verifier.verifyThat(SecondmentConstraints::reciprocityEvened)
			.given(new PairingBalance("pairing-faku", 10, 0), cityToFaku).rewardsWith(0);
		// Overshooting: 10 months owed, 6 sent back the other way would leave 4; 16 would overshoot to 6.
		assertThat(SecondmentConstraints.imbalanceGrowth(new PairingBalance("p", 0, 10), 160)).isEqualTo(-40);
	}

	@Test
	void anExchangeOutsideTheCountysPairingCostsSoft() {
		CandidateFact fromDadong = candidate("a", "dadong-drc", "dadong", Sector.GOVERNMENT, Tier.CITY, "pairing-kangping",
				Map.of(), List.of(YEARS), List.of(), Set.of(), Set.of());
		verifier.verifyThat(SecondmentConstraints::otherPairing).given(slot(countyPost("faku-drc", SPRING, List.of()), fromDadong))
			.penalizesBy(1);
		verifier.verifyThat(SecondmentConstraints::otherPairing)
			.given(slot(countyPost("faku-drc", SPRING, List.of()), cityCadre("b", Map.of()))).penalizesBy(0);
	}

	@Test
	void aCandidatesPreferencesCount() {
		CandidateFact wantsKangping = candidate("a", "huanggu-drc", "huanggu", Sector.GOVERNMENT, Tier.CITY, "pairing-faku",
				Map.of(), List.of(YEARS), List.of(), Set.of("kangping"), Set.of());
		verifier.verifyThat(SecondmentConstraints::preference).given(slot(countyPost("faku-drc", SPRING, List.of()), wantsKangping))
			.penalizesBy(1);
		verifier.verifyThat(SecondmentConstraints::preference)
			.given(slot(countyPost("faku-drc", SPRING, List.of()), cityCadre("b", Map.of()))).penalizesBy(0);
	}

	@Test
	void returningToAnEarlierHostIsRewarded() {
		CandidateFact returning = candidate("a", "huanggu-drc", "huanggu", Sector.GOVERNMENT, Tier.CITY, "pairing-faku",
				Map.of(), List.of(YEARS), List.of(), Set.of(), Set.of("faku-drc"));
		verifier.verifyThat(SecondmentConstraints::continuity).given(slot(countyPost("faku-drc", SPRING, List.of()), returning))
			.rewardsWith(1);
		verifier.verifyThat(SecondmentConstraints::continuity)
			.given(slot(countyPost("faku-invest", SPRING, List.of()), returning)).rewardsWith(0);
	}

	@Test
	void theOfficesWeightsScaleTheSoftRules() {
		CandidateFact fromDadong = candidate("a", "dadong-drc", "dadong", Sector.GOVERNMENT, Tier.CITY, "pairing-kangping",
				Map.of(), List.of(YEARS), List.of(), Set.of(), Set.of());
		CandidateFact wantsKangping = candidate("b", "huanggu-drc", "huanggu", Sector.GOVERNMENT, Tier.CITY, "pairing-faku",
				Map.of(), List.of(YEARS), List.of(), Set.of("kangping"), Set.of());
		CandidateFact returning = candidate("c", "huanggu-drc", "huanggu", Sector.GOVERNMENT, Tier.CITY, "pairing-faku",
				Map.of(), List.of(YEARS), List.of(), Set.of(), Set.of("faku-drc"));
		int tenths = (int) Math.round(SPRING.months() * 10);

		for (long weight : new long[] { 7, 70, 0 }) {
			assertThat(softScore(fromDadong, List.of(), new SecondmentWeights(0L, weight, 0L, 0L))).isEqualTo(-weight);
			assertThat(softScore(wantsKangping, List.of(), new SecondmentWeights(0L, 0L, weight, 0L))).isEqualTo(-weight);
			assertThat(softScore(returning, List.of(), new SecondmentWeights(0L, 0L, 0L, weight))).isEqualTo(weight);
			// The city owed Faku nothing: six months more from the city tilt the pairing by six months.
			assertThat(softScore(returning, List.of(new PairingBalance("pairing-faku", 0, 0)),
					new SecondmentWeights(weight, 0L, 0L, 0L))).isEqualTo(-weight * tenths);
			// Faku had sent ten months more: six from the city even it out as much.
			assertThat(softScore(returning, List.of(new PairingBalance("pairing-faku", 0, 10)),
					new SecondmentWeights(weight, 0L, 0L, 0L))).isEqualTo(weight * tenths);
		}
	}

	private long softScore(CandidateFact candidate, List<PairingBalance> balances, SecondmentWeights weights) {
		SecondmentPlan plan = new SecondmentPlan(List.of(candidate), List.of(), balances, new SecondmentRules(3),
				new SecondmentConstraintWeights(weights), List.of(slot(countyPost("faku-drc", SPRING, List.of()), candidate)));
		return SCORES.update(plan).softScore();
	}

	@Test
	void mostAtOnceCountsTheBusiestDay() {
		assertThat(SecondmentConstraints.mostAtOnce(List.of(SPRING, AUTUMN), List.of(SUMMER))).isEqualTo(2);
		assertThat(SecondmentConstraints.mostAtOnce(List.of(SPRING), List.of(AUTUMN))).isEqualTo(1);
	}

	private PositionSlot slot(PostFact post, CandidateFact candidate) {
		PositionSlot slot = new PositionSlot("slot-" + slots++, post, 0, List.of());
		slot.setCandidate(candidate);
		return slot;
	}

	private static PostFact countyPost(String host, Period period, List<RequiredSkill> skills) {
		Sector sector = host.endsWith("invest") ? Sector.ENTERPRISE : Sector.GOVERNMENT;
		return new PostFact("post-" + host + "-" + period.start(), host, "faku", sector, Tier.COUNTY, "pairing-faku", period,
				skills, Direction.CITY_TO_COUNTY, 2);
	}

	private static CandidateFact cityCadre(String id, Map<String, Integer> skills) {
		return candidate(id, "huanggu-drc", "huanggu", Sector.GOVERNMENT, Tier.CITY, "pairing-faku", skills, List.of(YEARS),
				List.of(), Set.of(), Set.of());
	}

	private static CandidateFact countyCadre(String id) {
		return candidate(id, "faku-drc", "faku", Sector.GOVERNMENT, Tier.COUNTY, "pairing-faku", Map.of(), List.of(YEARS),
				List.of(), Set.of(), Set.of());
	}

	private static CandidateFact candidate(String id, String organisation, String area, Sector sector, Tier tier,
			String pairing, Map<String, Integer> skills, List<Period> availability, List<Period> commitments,
			Set<String> preferred, Set<String> earlier) {
		return new CandidateFact(id, organisation, area, sector, tier, pairing, skills, availability, commitments, preferred,
				earlier);
	}

}
