package cn.talentexchange.benchmark;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Priority;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.demand.Seat;
import cn.talentexchange.demand.Site;
import cn.talentexchange.demand.VisitDuration;
import cn.talentexchange.expert.Availability;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.expert.ExpertStatus;
import cn.talentexchange.expert.HeldSkill;
import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.GeoPoint;
import cn.talentexchange.pairing.Pairing;
import cn.talentexchange.planning.PlanWindow;

/**
 * Reproducible weekend-planner instances: the same size and seed always give the same records.
 *
 * <p>Experts live around Shenyang and belong to the 4 central districts and 4 parks; requests come from the 4
 * counties, paired as in {@code seeds/geography.json}. A fifth of the skills in play are scarce: few experts hold
 * them (mostly besides common ones), while a quarter of the seat positions ask for them, so demand for them is
 * well above what their holders can give. Everything else (levels, availability, monthly caps, travel limits,
 * whole-weekend visits, priorities, conflicts of interest, preferences) is drawn with the fixed odds below.
 */
public final class InstanceGenerator {

	/** Saturday 8 May 2027: all four weekends of a window fall in one month, so monthly caps bite. */
	static final LocalDate FIRST_SATURDAY = LocalDate.of(2027, 5, 8);

	static final GeoPoint SHENYANG = new GeoPoint(41.8, 123.4);

	static final double HOME_RADIUS_KM = 25;

	/** Share of the skills in play that are scarce, how much rarer their holders are, how often seats ask. */
	static final double SCARCE_SKILL_SHARE = 0.2;

	static final double SCARCE_HOLDING_WEIGHT = 0.04;

	static final double SCARCE_DEMAND_SHARE = 0.25;

	public record Size(String name, int experts, int positions, int weekends, int skills) {

		public static final Size SMALL = new Size("small", 30, 20, 2, 8);

		public static final Size CITY = new Size("city", 2_000, 400, 4, 30);

		public static final Size PROVINCE = new Size("province", 20_000, 4_000, 4, 63);

		/** Of the contended family ({@link ContendedInstances}): scarce holders wasted by a coordinator's order. */
		public static final Size CONTENDED = new Size("contended", 800, 500, 4, 24);

		public static Size named(String name) {
			return switch (name) {
				case "small" -> SMALL;
				case "city" -> CITY;
				case "province" -> PROVINCE;
				case "contended" -> CONTENDED;
				default -> throw new IllegalArgumentException("No size " + name + " (small, city, province, contended)");
			};
		}

	}

	public record Instance(Size size, long seed, PlanWindow window, List<DemandRequest> requests, List<Expert> experts,
			List<Pairing> pairings, List<String> skills, Set<String> scarceSkills) {

		public int positions() {
			return requests.stream().mapToInt(DemandRequest::seatPositions).sum();
		}

	}

	record Place(String id, double lat, double lon) {

		GeoPoint point() {
			return new GeoPoint(lat, lon);
		}

	}

	static final List<Place> COUNTIES = List.of(new Place("liaozhong", 41.5127, 122.7317),
			new Place("xinmin", 41.9983, 122.8271), new Place("faku", 42.5007, 123.4071),
			new Place("kangping", 42.7417, 123.3528));

	static final List<Place> ORGANISATIONS = List.of(new Place("heping", 41.7893, 123.401),
			new Place("shenhe", 41.7965, 123.4453), new Place("huanggu", 41.824, 123.417),
			new Place("dadong", 41.8054, 123.4695), new Place("sy-etdz", 41.7556, 123.2891),
			new Place("sino-german-park", 41.753, 123.214), new Place("huishan-etdz", 41.9625, 123.518),
			new Place("sy-hitech", 41.721, 123.461));

	static final List<Pairing> PAIRINGS = List.of(new Pairing("pairing-liaozhong", "liaozhong", "sy-etdz", "heping"),
			new Pairing("pairing-xinmin", "xinmin", "sino-german-park", "shenhe"),
			new Pairing("pairing-faku", "faku", "huishan-etdz", "huanggu"),
			new Pairing("pairing-kangping", "kangping", "sy-hitech", "dadong"));

	/** The taxonomy of seeds/skills.json, code and category. */
	static final Map<String, ActionCategory> TAXONOMY = taxonomy();

	/** Skills few people hold in practice; a size's scarce skills are taken from here, in this order. */
	static final List<String> SCARCE_CANDIDATES = List.of("general-aviation", "capital-markets-advisory",
			"clinical-outreach", "land-use-quota-trading", "industrial-robotics", "eia-approval",
			"bank-equity-restructuring", "aviation-parts-manufacturing", "three-lines-one-list", "tax-revenue-sharing",
			"ceramics-materials", "sci-tech-commissioner", "per-mu-efficiency-evaluation");

	private InstanceGenerator() {
	}

	public static Instance generate(Size size, long seed) {
		if (size == Size.CONTENDED) {
			return ContendedInstances.generate(size, seed);
		}
		Random random = new Random(seed * 31 + size.name().hashCode());
		Instant created = Instant.parse("2027-04-20T00:00:00Z");

		// Skills in play: a fifth scarce, the rest common.
		int scarceCount = Math.max(2, (int) Math.round(size.skills() * SCARCE_SKILL_SHARE));
		List<String> scarce = SCARCE_CANDIDATES.subList(0, scarceCount);
		List<String> common = new ArrayList<>(TAXONOMY.keySet());
		common.removeAll(SCARCE_CANDIDATES);
		Collections.shuffle(common, random);
		common = new ArrayList<>(common.subList(0, size.skills() - scarceCount));
		List<String> skills = new ArrayList<>(common);
		skills.addAll(scarce);

		List<LocalDate> saturdays = new ArrayList<>();
		for (int week = 0; week < size.weekends(); week++) {
			saturdays.add(FIRST_SATURDAY.plusWeeks(week));
		}
		PlanWindow window = new PlanWindow(saturdays.get(0), saturdays.get(saturdays.size() - 1).plusDays(1), List.of(),
				null);

		List<Expert> experts = new ArrayList<>();
		for (int index = 0; index < size.experts(); index++) {
			experts.add(expert(random, index, common, scarce, saturdays, created));
		}

		List<DemandRequest> requests = new ArrayList<>();
		int positions = 0;
		while (positions < size.positions()) {
			DemandRequest request = request(random, requests.size(), size.positions() - positions, common, scarce,
					saturdays, experts, created);
			requests.add(request);
			positions += request.seatPositions();
		}
		return new Instance(size, seed, window, List.copyOf(requests), List.copyOf(experts), PAIRINGS, List.copyOf(skills),
				Set.copyOf(scarce));
	}

	private static Expert expert(Random random, int index, List<String> common, List<String> scarce,
			List<LocalDate> saturdays, Instant created) {
		String id = "exp-%05d".formatted(index);
		Place organisation = ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size()));
		GeoPoint home;
		do {
			home = jitter(random, organisation.point(), 4.0);
		}
		while (home.distanceKm(SHENYANG) > HOME_RADIUS_KM);

		// 1 to 3 skills; a scarce one weighs SCARCE_HOLDING_WEIGHT against 1 for each common one.
		int skillCount = pick(random, new double[] { 0.35, 0.40, 0.25 }) + 1;
		Map<String, Integer> held = new LinkedHashMap<>();
		double scarceMass = scarce.size() * SCARCE_HOLDING_WEIGHT;
		while (held.size() < skillCount) {
			double draw = random.nextDouble() * (common.size() + scarceMass);
			String skill = draw < common.size() ? common.get((int) draw)
					: scarce.get(Math.min(scarce.size() - 1, (int) ((draw - common.size()) / SCARCE_HOLDING_WEIGHT)));
			held.putIfAbsent(skill, pick(random, new double[] { 0.10, 0.20, 0.35, 0.25, 0.10 }) + 1);
		}

		// Each weekend offered with odds 0.55: Saturday only, Sunday only or both.
		List<LocalDate> dates = new ArrayList<>();
		for (LocalDate saturday : saturdays) {
			if (random.nextDouble() < 0.55) {
				switch (pick(random, new double[] { 0.30, 0.20, 0.50 })) {
					case 0 -> dates.add(saturday);
					case 1 -> dates.add(saturday.plusDays(1));
					default -> {
						dates.add(saturday);
						dates.add(saturday.plusDays(1));
					}
				}
			}
		}
		List<LocalDate> blackouts = !dates.isEmpty() && random.nextDouble() < 0.05
				? List.of(dates.get(random.nextInt(dates.size()))) : List.of();

		int cap = pick(random, new double[] { 0.35, 0.45, 0.15, 0.05 }) + 1;
		int travel = new int[] { 90, 120, 150, 180 }[pick(random, new double[] { 0.15, 0.35, 0.35, 0.15 })];
		List<String> preferredCounties = new ArrayList<>();
		if (random.nextDouble() < 0.25) {
			int count = random.nextInt(2) + 1;
			while (preferredCounties.size() < count) {
				String county = COUNTIES.get(random.nextInt(COUNTIES.size())).id();
				if (!preferredCounties.contains(county)) {
					preferredCounties.add(county);
				}
			}
		}
		List<ActionCategory> preferredCategories = new ArrayList<>();
		if (random.nextDouble() < 0.25) {
			int count = random.nextInt(2) + 1;
			while (preferredCategories.size() < count) {
				ActionCategory category = ActionCategory.values()[random.nextInt(ActionCategory.values().length)];
				if (!preferredCategories.contains(category)) {
					preferredCategories.add(category);
				}
			}
		}
		List<HeldSkill> heldSkills = held.entrySet().stream().map(entry -> new HeldSkill(entry.getKey(), entry.getValue()))
			.toList();
		return new Expert(id, id, "Expert " + index, null, null, organisation.id() + " employer", organisation.id(), home,
				heldSkills, new Availability(dates, blackouts), cap, travel, preferredCounties, preferredCategories,
				List.of(), "zh-CN", true, ExpertStatus.ACTIVE, 0, created, created);
	}

	private static DemandRequest request(Random random, int index, int positionsLeft, List<String> common,
			List<String> scarce, List<LocalDate> saturdays, List<Expert> experts, Instant created) {
		String id = "req-%05d".formatted(index);
		Place county = COUNTIES.get(random.nextInt(COUNTIES.size()));

		int seatCount = pick(random, new double[] { 0.45, 0.40, 0.15 }) + 1;
		List<Seat> seats = new ArrayList<>();
		Set<String> skillsTaken = new LinkedHashSet<>();
		int positions = 0;
		while (seats.size() < seatCount && positions < positionsLeft) {
			String skill = random.nextDouble() < SCARCE_DEMAND_SHARE ? scarce.get(random.nextInt(scarce.size()))
					: common.get(random.nextInt(common.size()));
			if (!skillsTaken.add(skill)) {
				continue;
			}
			int count = Math.min(positionsLeft - positions, random.nextDouble() < 0.25 ? 2 : 1);
			int minLevel = pick(random, new double[] { 0.40, 0.45, 0.15 }) + 2;
			seats.add(new Seat(skill, minLevel, count));
			positions += count;
		}
		ActionCategory category = TAXONOMY.get(seats.get(0).skill());

		boolean wholeWeekend = random.nextDouble() < 0.20;
		List<LocalDate> shuffled = new ArrayList<>(saturdays);
		Collections.shuffle(shuffled, random);
		List<LocalDate> dates = new ArrayList<>();
		if (wholeWeekend) {
			dates.addAll(shuffled.subList(0, Math.min(shuffled.size(), random.nextInt(2) + 1)));
		}
		else {
			int days = pick(random, new double[] { 0.50, 0.15, 0.35 });
			for (LocalDate saturday : shuffled.subList(0, Math.min(shuffled.size(), random.nextInt(3) + 1))) {
				if (days != 1) {
					dates.add(saturday);
				}
				if (days != 0) {
					dates.add(saturday.plusDays(1));
				}
			}
		}
		Priority priority = Priority.values()[pick(random, new double[] { 0.20, 0.45, 0.25, 0.10 })];
		List<String> excludedOrganisations = random.nextDouble() < 0.05
				? List.of(ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size())).id()) : List.of();
		List<String> excludedExperts = random.nextDouble() < 0.02
				? List.of(experts.get(random.nextInt(experts.size())).id()) : List.of();
		GeoPoint site = jitter(random, county.point(), 5.0);
		return new DemandRequest(id, county.id(), "agency-" + county.id(), "Benchmark request " + index, null, category,
				null, seats, dates, wholeWeekend ? VisitDuration.WEEKEND : VisitDuration.ONE_DAY, priority,
				new Site(site.lat(), site.lon(), county.id() + " site"), RequestStatus.OPEN, null, excludedOrganisations,
				excludedExperts, null, null, null, 0, created, created, created);
	}

	/** A point about {@code sigmaKm} (standard deviation, each axis) from the centre. */
	static GeoPoint jitter(Random random, GeoPoint centre, double sigmaKm) {
		double dLat = random.nextGaussian() * sigmaKm / 111.0;
		double dLon = random.nextGaussian() * sigmaKm / (111.0 * Math.cos(Math.toRadians(centre.lat())));
		return new GeoPoint(centre.lat() + dLat, centre.lon() + dLon);
	}

	/** An index drawn with the given odds (which sum to 1). */
	static int pick(Random random, double[] odds) {
		double draw = random.nextDouble();
		for (int index = 0; index < odds.length - 1; index++) {
			draw -= odds[index];
			if (draw < 0) {
				return index;
			}
		}
		return odds.length - 1;
	}

	private static Map<String, ActionCategory> taxonomy() {
		Map<String, ActionCategory> skills = new LinkedHashMap<>();
		for (String code : List.of("five-year-plan-drafting", "spatial-planning", "regulatory-detailed-planning",
				"three-lines-one-list", "land-use-quota-trading", "industrial-planning", "park-master-planning",
				"municipal-infrastructure-planning", "gis-mapping", "village-planning", "per-mu-efficiency-evaluation",
				"transport-planning", "green-park-certification")) {
			skills.put(code, ActionCategory.PLANNING);
		}
		for (String code : List.of("industry-chain-mapping", "automotive-supply-chain", "cnc-machining",
				"welding-engineering", "general-aviation", "aviation-parts-manufacturing", "agricultural-machinery",
				"food-processing-quality", "livestock-farming", "protected-vegetable-cultivation", "industrial-robotics",
				"industrial-internet", "testing-certification", "ceramics-materials", "project-feasibility-study",
				"project-financing", "investment-promotion", "agri-ecommerce", "cold-chain-logistics",
				"retail-channel-listing", "regional-brand-building", "rural-credit-risk", "bank-equity-restructuring",
				"capital-markets-advisory", "technology-transfer")) {
			skills.put(code, ActionCategory.INDUSTRY);
		}
		for (String code : List.of("enclave-project-planning", "administrative-approval", "eia-approval",
				"construction-permitting", "completion-acceptance", "standard-factory-development",
				"industrial-land-supply", "tax-revenue-sharing", "special-fund-management",
				"park-infrastructure-financing", "intergovernmental-agreements", "gdp-statistics-sharing",
				"park-operations")) {
			skills.put(code, ActionCategory.ENCLAVE);
		}
		for (String code : List.of("talent-policy-design", "hr-management-policy", "vocational-training-design",
				"skills-assessment", "labour-market-services", "flexible-talent-sharing", "cadre-secondment",
				"apprenticeship-programmes", "clinical-outreach", "teacher-training", "sci-tech-commissioner",
				"entrepreneurship-mentoring")) {
			skills.put(code, ActionCategory.TALENT);
		}
		return Collections.unmodifiableMap(skills);
	}

}
