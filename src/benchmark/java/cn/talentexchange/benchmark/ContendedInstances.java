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

import cn.talentexchange.benchmark.InstanceGenerator.Instance;
import cn.talentexchange.benchmark.InstanceGenerator.Place;
import cn.talentexchange.benchmark.InstanceGenerator.Size;
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
import cn.talentexchange.planning.PlanWindow;

import static cn.talentexchange.benchmark.InstanceGenerator.jitter;
import static cn.talentexchange.benchmark.InstanceGenerator.pick;

/**
 * The contended family: instances where a coordinator's order of work (priority first, nearest expert first) wastes
 * the people who hold a scarce skill. Three things make it so, each drawn with the odds below:
 * <ul>
 * <li>a third of the experts hold one scarce skill besides one or two common ones, so they are often the nearest
 * qualified person for a common seat, and nothing tells the coordinator to keep them;</li>
 * <li>monthly caps are tight (most give one weekend a month), so one common seat uses such an expert up;</li>
 * <li>requests accept two to four weekends, and the holders of a scarce skill are free on only some of them, so the
 * date matters: the first date that fills most seats now is not the one that leaves the scarce people for later.</li>
 * </ul>
 * The common skills are plentiful enough that every common seat can be filled without a scarce holder. Same seed,
 * same instance.
 */
final class ContendedInstances {

	/** Share of experts who hold a scarce skill (besides common ones). */
	static final double SCARCE_HOLDER_SHARE = 0.07;

	/**
	 * Odds that a seat asks for a scarce skill, by priority (LOW, NORMAL, HIGH, CRITICAL): the most urgent requests
	 * are mostly routine, so a coordinator serving them first spends specialists on them.
	 */
	static final double[] SCARCE_DEMAND_SHARE = { 0.35, 0.35, 0.5, 0.1 };

	/** Odds of a monthly cap of 1, 2 or 3 weekends. */
	static final double[] CAP_ODDS = { 0.65, 0.30, 0.05 };

	/** Each weekend is offered with these odds; a scarce holder's weekend is one of them, and whole. */
	static final double WEEKEND_OFFERED = 0.45;

	static final List<Place> PARKS = InstanceGenerator.ORGANISATIONS.subList(4, 8);

	private ContendedInstances() {
	}

	static Instance generate(Size size, long seed) {
		Random random = new Random(seed * 31 + size.name().hashCode());
		Instant created = Instant.parse("2027-04-20T00:00:00Z");

		int scarceCount = Math.max(2, size.skills() / 4);
		List<String> scarce = InstanceGenerator.SCARCE_CANDIDATES.subList(0, scarceCount);
		List<String> common = new ArrayList<>(InstanceGenerator.TAXONOMY.keySet());
		common.removeAll(InstanceGenerator.SCARCE_CANDIDATES);
		Collections.shuffle(common, random);
		common = new ArrayList<>(common.subList(0, size.skills() - scarceCount));
		List<String> skills = new ArrayList<>(common);
		skills.addAll(scarce);

		List<LocalDate> saturdays = new ArrayList<>();
		for (int week = 0; week < size.weekends(); week++) {
			saturdays.add(InstanceGenerator.FIRST_SATURDAY.plusWeeks(week));
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
					saturdays, created);
			requests.add(request);
			positions += request.seatPositions();
		}
		return new Instance(size, seed, window, List.copyOf(requests), List.copyOf(experts), InstanceGenerator.PAIRINGS,
				List.copyOf(skills), Set.copyOf(scarce));
	}

	private static Expert expert(Random random, int index, List<String> common, List<String> scarce,
			List<LocalDate> saturdays, Instant created) {
		String id = "exp-%05d".formatted(index);
		boolean scarceHolder = random.nextDouble() < SCARCE_HOLDER_SHARE;
		// Specialists work in the parks, on the side of the city that faces the counties: often the nearest.
		List<Place> employers = scarceHolder ? PARKS : InstanceGenerator.ORGANISATIONS;
		Place organisation = employers.get(random.nextInt(employers.size()));
		GeoPoint home;
		do {
			home = jitter(random, organisation.point(), 4.0);
		}
		while (home.distanceKm(InstanceGenerator.SHENYANG) > InstanceGenerator.HOME_RADIUS_KM);

		Map<String, Integer> held = new LinkedHashMap<>();
		if (scarceHolder) {
			held.put(scarce.get(random.nextInt(scarce.size())), 3 + random.nextInt(3));
		}
		int commonCount = scarceHolder ? 2 : random.nextInt(2) + 1;
		while (held.size() < commonCount + (scarceHolder ? 1 : 0)) {
			held.putIfAbsent(common.get(random.nextInt(common.size())), 2 + random.nextInt(4));
		}

		// Whole weekends: the contention is about which weekend, not which day of it.
		List<LocalDate> dates = new ArrayList<>();
		for (LocalDate saturday : saturdays) {
			if (random.nextDouble() < WEEKEND_OFFERED) {
				dates.add(saturday);
				dates.add(saturday.plusDays(1));
			}
		}
		int cap = pick(random, CAP_ODDS) + 1;
		int travel = new int[] { 120, 150, 180 }[random.nextInt(3)];
		List<HeldSkill> heldSkills = held.entrySet().stream().map(entry -> new HeldSkill(entry.getKey(), entry.getValue()))
			.toList();
		return new Expert(id, id, "Expert " + index, null, null, organisation.id() + " employer", organisation.id(), home,
				heldSkills, new Availability(dates, List.of()), cap, travel, List.of(), List.of(), List.of(), "zh-CN", true,
				ExpertStatus.ACTIVE, 0, created, created);
	}

	private static DemandRequest request(Random random, int index, int positionsLeft, List<String> common,
			List<String> scarce, List<LocalDate> saturdays, Instant created) {
		String id = "req-%05d".formatted(index);
		Place county = InstanceGenerator.COUNTIES.get(random.nextInt(InstanceGenerator.COUNTIES.size()));

		Priority priority = Priority.values()[pick(random, new double[] { 0.20, 0.40, 0.28, 0.12 })];
		double scarceShare = SCARCE_DEMAND_SHARE[priority.ordinal()];
		int seatCount = pick(random, new double[] { 0.35, 0.45, 0.20 }) + 1;
		List<Seat> seats = new ArrayList<>();
		Set<String> skillsTaken = new LinkedHashSet<>();
		int positions = 0;
		while (seats.size() < seatCount && positions < positionsLeft) {
			String skill = random.nextDouble() < scarceShare ? scarce.get(random.nextInt(scarce.size()))
					: common.get(random.nextInt(common.size()));
			if (!skillsTaken.add(skill)) {
				continue;
			}
			int count = Math.min(positionsLeft - positions, random.nextDouble() < 0.2 ? 2 : 1);
			seats.add(new Seat(skill, 2 + random.nextInt(2), count));
			positions += count;
		}
		ActionCategory category = InstanceGenerator.TAXONOMY.get(seats.get(0).skill());

		// Two to four acceptable weekends, on Saturday or Sunday.
		List<LocalDate> shuffled = new ArrayList<>(saturdays);
		Collections.shuffle(shuffled, random);
		boolean sunday = random.nextBoolean();
		List<LocalDate> dates = shuffled.subList(0, Math.min(shuffled.size(), 2 + random.nextInt(3))).stream()
			.map(saturday -> sunday ? saturday.plusDays(1) : saturday)
			.toList();
		GeoPoint site = jitter(random, county.point(), 5.0);
		return new DemandRequest(id, county.id(), "agency-" + county.id(), "Contended request " + index, null, category,
				null, seats, dates, VisitDuration.ONE_DAY, priority, new Site(site.lat(), site.lon(), county.id() + " site"),
				RequestStatus.OPEN, null, List.of(), List.of(), null, null, null, 0, created, created, created);
	}

}
