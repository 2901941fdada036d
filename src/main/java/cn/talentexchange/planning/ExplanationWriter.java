package cn.talentexchange.planning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Seat;
import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatRules;
import cn.talentexchange.planning.domain.TrackRecord;
import cn.talentexchange.planning.domain.Travel;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.planning.domain.WeekendWeights;

/**
 * Writes a request's explanation from the plan that covered it and the request as the planner sees it now: for each
 * chosen expert the reasons the plan scored, for each empty seat the funnel from "has the skill" down to "was free",
 * so a county agency can see where the people went. Every step of the funnel asks {@link SeatRules}, as the solver
 * does.
 *
 * <p>Every seat pays for its expert's track record, so that rule is named only where it decided: the chosen
 * expert's record on this category beats the prior and everyone else who was free to come that day.
 */
final class ExplanationWriter {

	private final DemandRequest request;

	private final PlanRun plan;

	private final Visit visit;

	private final Map<String, PlannedExpert> experts;

	private final Map<String, String> displayNames;

	private final Map<String, String> organisationNames;

	private final Map<String, String> skillNames;

	private final String categoryName;

	private final boolean chinese;

	private final LocalDate earliestOfferable;

	/**
	 * @param problem the request alone on all its dates, as {@link WeekendProblemLoader#loadAround} builds it
	 * @param displayNames names of the experts the plan chose
	 * @param earliestOfferable the first date an offer made now still reaches in time; earlier ones are never planned
	 */
	ExplanationWriter(DemandRequest request, PlanRun plan, WeekendPlan problem, Map<String, String> displayNames,
			Map<String, String> organisationNames, Map<String, String> skillNames, String categoryName, boolean chinese,
			LocalDate earliestOfferable) {
		this.request = request;
		this.plan = plan;
		this.visit = problem.getVisits().stream().filter(candidate -> candidate.getRequestId().equals(request.id()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("the problem does not hold request " + request.id()));
		this.experts = new LinkedHashMap<>();
		problem.getExperts().forEach(expert -> experts.put(expert.getId(), expert));
		this.displayNames = displayNames;
		this.organisationNames = organisationNames;
		this.skillNames = skillNames;
		this.categoryName = categoryName;
		this.chinese = chinese;
		this.earliestOfferable = earliestOfferable;
	}

	Explanation write() {
		List<PlanRun.Proposal> mine = plan == null ? List.of()
				: plan.proposals().stream().filter(proposal -> proposal.requestId().equals(request.id())).toList();
		LocalDate date = mine.stream().map(PlanRun.Proposal::date).filter(Objects::nonNull).findFirst()
			.map(LocalDate::parse).orElse(null);
		List<Explanation.SeatExplanation> seats = new ArrayList<>();
		int filledTotal = 0;
		int positions = 0;
		for (int index = 0; index < request.seats().size(); index++) {
			Seat seat = request.seats().get(index);
			int seatIndex = index;
			List<Explanation.ChosenExpert> chosen = mine.stream()
				.filter(proposal -> proposal.seat() == seatIndex && proposal.expertId() != null)
				.map(proposal -> chosen(proposal, seat, date, mine))
				.toList();
			int unfilled = seat.count() - chosen.size();
			// The agency may have lowered the count since the plan; extra chosen people still show.
			unfilled = Math.max(0, unfilled);
			seats.add(new Explanation.SeatExplanation(index, seat.skill(), skillNames.getOrDefault(seat.skill(), seat.skill()),
					seat.minLevel(), seat.count(), chosen.size(), chosen, unfilled,
					unfilled == 0 ? null : whyUnfilled(seat, date, mine)));
			filledTotal += chosen.size();
			positions += seat.count();
		}
		return new Explanation(request.id(), plan == null ? null : plan.id(), plan == null ? null : plan.status(),
				plan != null && plan.publishedAt() != null, date, summary(date, positions, filledTotal), seats);
	}

	private Explanation.ChosenExpert chosen(PlanRun.Proposal proposal, Seat seat, LocalDate date,
			List<PlanRun.Proposal> mine) {
		PlannedExpert expert = experts.get(proposal.expertId());
		Set<String> scored = new HashSet<>();
		proposal.scoredBy().forEach(score -> scored.add(score.constraint()));
		if (expert == null) {
			return new Explanation.ChosenExpert(proposal.position(), proposal.expertId(), proposal.expertId(), null, 0, 0,
					List.of());
		}
		int level = expert.levelOf(seat.skill());
		int minutes = Travel.minutes(expert.getHome(), visit.getSite());
		String organisation = organisationNames.getOrDefault(expert.getOrganisationId(), expert.getOrganisationId());
		String skill = skillNames.getOrDefault(seat.skill(), seat.skill());
		List<String> reasons = new ArrayList<>();
		reasons.add(chinese ? "具备「" + skill + "」" + level + "级能力（要求" + seat.minLevel() + "级以上）"
				: "holds " + skill + " at level " + level + " (needs " + seat.minLevel() + ")");
		reasons.add(chinese ? "路程约" + minutes + "分钟" : "about " + minutes + " minutes away");
		reasons.add(visit.getPairedOrganisationIds().contains(expert.getOrganisationId())
				? (chinese ? "来自本县对口帮扶的" + organisation : "comes from " + organisation + ", paired with this county")
				: (chinese ? "来自" + organisation + "（对口关系以外，全市人才共享）"
						: "comes from " + organisation + ", outside the county's pairing (city-wide pool)"));
		if (scored.contains(WeekendWeights.CONTINUITY)) {
			reasons.add(chinese ? "曾参与此前同一问题的帮扶" : "worked on the earlier visit of this problem");
		}
		if (scored.contains(WeekendWeights.SHARED_TRAVEL)) {
			reasons.add(chinese ? "与同单位同事同行" : "travels with a colleague from the same organisation");
		}
		if (scored.contains(WeekendWeights.PREFERENCES)) {
			reasons.add(chinese ? "该县或该领域不在其首选之列" : "this county or field is not among their preferences");
		}
		if (scored.contains(WeekendWeights.TRACK_RECORD) && trackRecordDecided(expert, seat, date, mine)) {
			reasons.add(trackRecordText(trackRecordOf(expert)));
		}
		return new Explanation.ChosenExpert(proposal.position(), expert.getId(),
				displayNames.getOrDefault(expert.getId(), expert.getId()), expert.getOrganisationId(), level, minutes, reasons);
	}

	/** Whether the expert's record beats the prior and every other expert who could have taken the seat that day. */
	private boolean trackRecordDecided(PlannedExpert expert, Seat seat, LocalDate date, List<PlanRun.Proposal> mine) {
		int penalty = trackRecordOf(expert).penalty();
		if (date == null || penalty >= TrackRecord.NONE.penalty()) {
			return false;
		}
		List<Predicate<PlannedExpert>> steps = funnel(date, mine);
		List<PlannedExpert> instead = experts.values().stream()
			.filter(other -> other != expert && !SeatRules.lacksSkill(other, seat.skill(), seat.minLevel())
					&& steps.stream().noneMatch(step -> step.test(other)))
			.toList();
		return !instead.isEmpty() && instead.stream().allMatch(other -> trackRecordOf(other).penalty() > penalty);
	}

	private TrackRecord trackRecordOf(PlannedExpert expert) {
		return expert.trackRecordOn(request.category());
	}

	private String trackRecordText(TrackRecord record) {
		String rating = String.format(Locale.ROOT, "%.1f", record.averageRating());
		int noShows = record.noShows();
		if (chinese) {
			return "此前同类（" + categoryName + "）走访成效好：" + record.visits() + "次中解决" + record.solved() + "次，平均评分" + rating
					+ (noShows == 0 ? "" : "，缺席" + noShows + "次");
		}
		return "good results on earlier visits of this kind (" + categoryName + "): " + record.solved() + " of "
				+ record.visits() + " solved, average rating " + rating
				+ (noShows == 0 ? "" : ", " + noShows + (noShows == 1 ? " no-show" : " no-shows"));
	}

	private Explanation.UnfilledReason whyUnfilled(Seat seat, LocalDate date, List<PlanRun.Proposal> mine) {
		List<PlannedExpert> left = new ArrayList<>(experts.values().stream()
			.filter(expert -> !SeatRules.lacksSkill(expert, seat.skill(), seat.minLevel()))
			.toList());
		int qualified = left.size();
		int[] dropped = funnel(date, mine).stream().mapToInt(step -> drop(left, step)).toArray();
		Explanation.Counts counts = new Explanation.Counts(qualified, dropped[0], dropped[1], dropped[2], dropped[3],
				dropped[4], dropped[5]);
		Explanation.Code code = plan == null ? Explanation.Code.NOT_PLANNED : dominant(counts);
		return new Explanation.UnfilledReason(code, text(seat, date, counts), counts);
	}

	/**
	 * The funnel's steps after skill and level, in the order of {@link Explanation.Counts}: each leaves out whom it
	 * excludes of those the earlier steps kept. Without a planned date,
	 * an expert is left out as not available only when no acceptable date is free.
	 */
	private List<Predicate<PlannedExpert>> funnel(LocalDate date, List<PlanRun.Proposal> mine) {
		Predicate<PlannedExpert> notAvailable = date == null
				? expert -> visit.getAcceptableDates().stream().allMatch(day -> SeatRules.notAvailable(expert, visit, day))
				: expert -> SeatRules.notOffered(expert, visit, date);
		Predicate<PlannedExpert> overCap = date == null ? expert -> false
				: expert -> SeatRules.weekendsOverCap(expert, YearMonth.from(Visit.saturdayOf(date)),
						saturdaysWith(expert, date)) > 0;
		Predicate<PlannedExpert> busy = date == null ? expert -> false
				: expert -> SeatRules.busyElsewhere(expert, visit, date) || busyInPlan(expert, date, mine);
		return List.of(expert -> SeatRules.declinedBefore(expert, visit), expert -> SeatRules.conflicted(expert, visit),
				expert -> SeatRules.tooFar(expert, visit), notAvailable, overCap, busy);
	}

	private static Explanation.Code dominant(Explanation.Counts counts) {
		if (counts.withSkillAndLevel() == 0) {
			return Explanation.Code.NO_SKILL;
		}
		Explanation.Code code = Explanation.Code.BUSY_ELSEWHERE;
		int most = counts.busyElsewhere();
		int[] values = { counts.declinedBefore(), counts.conflictOfInterest(), counts.tooFar(), counts.notAvailable(),
				counts.overMonthlyCap() };
		Explanation.Code[] codes = { Explanation.Code.DECLINED_BEFORE, Explanation.Code.CONFLICT_OF_INTEREST,
				Explanation.Code.TOO_FAR, Explanation.Code.NOT_AVAILABLE, Explanation.Code.OVER_MONTHLY_CAP };
		for (int i = 0; i < values.length; i++) {
			if (values[i] > most) {
				most = values[i];
				code = codes[i];
			}
		}
		return code;
	}

	private String text(Seat seat, LocalDate date, Explanation.Counts counts) {
		String skill = skillNames.getOrDefault(seat.skill(), seat.skill());
		if (counts.withSkillAndLevel() == 0) {
			return chinese ? "全市专家库中没有人具备「" + skill + "」" + seat.minLevel() + "级以上能力。"
					: "No expert in the city pool holds " + skill + " at level " + seat.minLevel() + " or above.";
		}
		String day = date == null ? (chinese ? "可选日期" : "the acceptable dates") : date.toString();
		List<String> parts = new ArrayList<>();
		add(parts, counts.declinedBefore(), chinese ? "%d位曾拒绝本需求" : "%d declined this request before");
		add(parts, counts.conflictOfInterest(), chinese ? "%d位存在利益冲突" : "%d have a conflict of interest");
		add(parts, counts.tooFar(), chinese ? "%d位路程超出其可接受范围" : "%d live beyond their travel limit");
		add(parts, counts.notAvailable(), chinese ? "%d位在" + day + "没有空" : "%d are not free on " + day);
		add(parts, counts.overMonthlyCap(), chinese ? "%d位当月周末次数已满" : "%d have used their weekends for that month");
		add(parts, counts.busyElsewhere(), chinese ? "%d位已安排到同日的其他走访" : "%d are already on another visit that day");
		String head = chinese
				? "全市有" + counts.withSkillAndLevel() + "位专家具备「" + skill + "」" + seat.minLevel() + "级以上能力"
				: counts.withSkillAndLevel() + " experts hold " + skill + " at level " + seat.minLevel() + " or above";
		String tail = plan == null ? (chinese ? "；本需求尚未进入任何已完成的排期。" : "; no finished plan has covered this request yet.")
				: (chinese ? "。" : ".");
		return parts.isEmpty() ? head + tail : head + (chinese ? "：" : ": ") + String.join(chinese ? "，" : ", ", parts) + tail;
	}

	private String summary(LocalDate date, int positions, int filled) {
		if (plan == null) {
			return (chinese ? "本需求尚未排期：共" + positions + "个席位，排期后将说明人选及原因。"
					: "Not planned yet: " + positions + " seats; the explanation fills in once a plan covers this request.")
					+ tooCloseToOffer();
		}
		return chinese ? "排期将走访定于" + date + "：共" + positions + "个席位，已安排" + filled + "个，空缺" + (positions - filled) + "个。"
				: "The plan sets the visit on " + date + ": " + filled + " of " + positions + " seats filled, "
						+ (positions - filled) + " empty.";
	}

	/** Dates before the first offerable one are never planned: say so, and what still can be. */
	private String tooCloseToOffer() {
		List<LocalDate> tooClose = request.acceptableDates().stream().filter(day -> day.isBefore(earliestOfferable)).toList();
		if (tooClose.isEmpty()) {
			return "";
		}
		String dates = tooClose.stream().map(LocalDate::toString).collect(Collectors.joining(chinese ? "、" : ", "));
		if (tooClose.size() == request.acceptableDates().size()) {
			return chinese ? "可选日期" + dates + "已来不及向专家发出邀请（最早可排" + earliestOfferable + "），请增加更晚的日期。"
					: " The dates " + dates + " are too close to offer (the earliest date that can still be planned is "
							+ earliestOfferable + "); add a later date.";
		}
		return chinese ? "日期" + dates + "已来不及向专家发出邀请，排期只考虑其后的日期。"
				: " The dates " + dates + " are too close to offer; plans consider only the later ones.";
	}

	/** The Saturdays of that date's month the plan gives the expert elsewhere, and the one of the date itself. */
	private Set<LocalDate> saturdaysWith(PlannedExpert expert, LocalDate date) {
		YearMonth month = YearMonth.from(Visit.saturdayOf(date));
		Set<LocalDate> saturdays = new HashSet<>();
		saturdays.add(Visit.saturdayOf(date));
		plan.proposals().stream()
			.filter(proposal -> expert.getId().equals(proposal.expertId()) && !proposal.requestId().equals(request.id())
					&& proposal.date() != null)
			.map(proposal -> Visit.saturdayOf(LocalDate.parse(proposal.date())))
			.filter(saturday -> YearMonth.from(saturday).equals(month))
			.forEach(saturdays::add);
		return saturdays;
	}

	/** Already on this visit, or on another visit of the plan that shares a day. */
	private boolean busyInPlan(PlannedExpert expert, LocalDate date, List<PlanRun.Proposal> mine) {
		boolean onThisVisit = mine.stream().anyMatch(proposal -> expert.getId().equals(proposal.expertId()));
		boolean elsewhere = plan.proposals().stream()
			.anyMatch(proposal -> expert.getId().equals(proposal.expertId()) && !proposal.requestId().equals(request.id())
					&& proposal.date() != null
					&& Visit.overlaps(date, visit.isWholeWeekend(), LocalDate.parse(proposal.date()), proposal.wholeWeekend()));
		return onThisVisit || elsewhere;
	}

	private static int drop(List<PlannedExpert> left, Predicate<PlannedExpert> reason) {
		int before = left.size();
		left.removeIf(reason);
		return before - left.size();
	}

	private static void add(List<String> parts, int count, String template) {
		if (count > 0) {
			parts.add(String.format(template, count));
		}
	}

}
