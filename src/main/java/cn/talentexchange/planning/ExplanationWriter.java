package cn.talentexchange.planning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Seat;
import cn.talentexchange.demand.VisitDuration;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.expert.HeldSkill;
import cn.talentexchange.planning.domain.TrackRecord;
import cn.talentexchange.planning.domain.Travel;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendWeights;

/**
 * Writes a request's explanation from the plan that covered it and the stored facts: for each chosen
 * expert the reasons the plan scored, for each empty seat the funnel from "has the skill" down to
 * "was free", so a county agency can see where the people went.
 *
 * <p>Every seat pays for its expert's track record, so that rule is named only where it decided: the chosen
 * expert's record on this category beats the prior and everyone else who was free to come that day.
 */
final class ExplanationWriter {

	private final DemandRequest request;

	private final PlanRun plan;

	private final Collection<Expert> experts;

	private final Collection<Assignment> assignments;

	private final Set<String> pairedOrganisations;

	private final Map<String, String> organisationNames;

	private final Map<String, String> skillNames;

	private final TrackRecords trackRecords;

	private final String categoryName;

	private final boolean chinese;

	private final LocalDate earliestOfferable;

	/** @param earliestOfferable the first date an offer made now still reaches in time; earlier ones are never planned */
	ExplanationWriter(DemandRequest request, PlanRun plan, Collection<Expert> experts, Collection<Assignment> assignments,
			Set<String> pairedOrganisations, Map<String, String> organisationNames, Map<String, String> skillNames,
			TrackRecords trackRecords, String categoryName, boolean chinese, LocalDate earliestOfferable) {
		this.earliestOfferable = earliestOfferable;
		this.request = request;
		this.plan = plan;
		this.experts = experts;
		this.assignments = assignments;
		this.pairedOrganisations = pairedOrganisations;
		this.organisationNames = organisationNames;
		this.skillNames = skillNames;
		this.trackRecords = trackRecords;
		this.categoryName = categoryName;
		this.chinese = chinese;
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
		Expert expert = experts.stream().filter(candidate -> candidate.id().equals(proposal.expertId())).findFirst().orElse(null);
		Set<String> scored = new HashSet<>();
		proposal.scoredBy().forEach(score -> scored.add(score.constraint()));
		if (expert == null) {
			return new Explanation.ChosenExpert(proposal.position(), proposal.expertId(), proposal.expertId(), null, 0, 0,
					List.of());
		}
		int level = level(expert, seat.skill());
		int minutes = Travel.minutes(expert.homeLocation(), request.location().point());
		String organisation = organisationNames.getOrDefault(expert.organisationId(), expert.organisationId());
		String skill = skillNames.getOrDefault(seat.skill(), seat.skill());
		List<String> reasons = new ArrayList<>();
		reasons.add(chinese ? "具备「" + skill + "」" + level + "级能力（要求" + seat.minLevel() + "级以上）"
				: "holds " + skill + " at level " + level + " (needs " + seat.minLevel() + ")");
		reasons.add(chinese ? "路程约" + minutes + "分钟" : "about " + minutes + " minutes away");
		reasons.add(pairedOrganisations.contains(expert.organisationId())
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
		return new Explanation.ChosenExpert(proposal.position(), expert.id(), expert.displayName(), expert.organisationId(),
				level, minutes, reasons);
	}

	/** Whether the expert's record beats the prior and every other expert who could have taken the seat that day. */
	private boolean trackRecordDecided(Expert expert, Seat seat, LocalDate date, List<PlanRun.Proposal> mine) {
		int penalty = trackRecordOf(expert).penalty();
		if (date == null || penalty >= TrackRecord.NONE.penalty()) {
			return false;
		}
		List<Expert> instead = experts.stream()
			.filter(other -> !other.id().equals(expert.id()) && couldTake(other, seat, date, mine))
			.toList();
		return !instead.isEmpty() && instead.stream().allMatch(other -> trackRecordOf(other).penalty() > penalty);
	}

	/** Whether the expert passes every step of {@link #whyUnfilled}'s funnel for the seat on that day. */
	private boolean couldTake(Expert expert, Seat seat, LocalDate date, List<PlanRun.Proposal> mine) {
		return level(expert, seat.skill()) >= seat.minLevel() && !declinedBefore(expert) && !conflicted(expert)
				&& !tooFar(expert) && freeOn(expert, date) && weekendsUsed(expert, date) < expert.maxWeekendsPerMonth()
				&& !busyOn(expert, date, mine);
	}

	private TrackRecord trackRecordOf(Expert expert) {
		return trackRecords.of(expert.id(), request.category());
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
		List<Expert> qualified = experts.stream().filter(expert -> level(expert, seat.skill()) >= seat.minLevel()).toList();
		List<Expert> left = new ArrayList<>(qualified);
		int declined = drop(left, this::declinedBefore);
		int conflicted = drop(left, this::conflicted);
		int tooFar = drop(left, this::tooFar);
		int notAvailable = drop(left, expert -> !freeOn(expert, date));
		int overCap = date == null ? 0 : drop(left, expert -> weekendsUsed(expert, date) >= expert.maxWeekendsPerMonth());
		int busy = date == null ? 0 : drop(left, expert -> busyOn(expert, date, mine));
		Explanation.Counts counts = new Explanation.Counts(qualified.size(), declined, conflicted, tooFar, notAvailable,
				overCap, busy);
		Explanation.Code code = plan == null ? Explanation.Code.NOT_PLANNED : dominant(counts);
		return new Explanation.UnfilledReason(code, text(seat, date, counts), counts);
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

	private boolean declinedBefore(Expert expert) {
		return assignments.stream().anyMatch(assignment -> assignment.status() == AssignmentStatus.DECLINED
				&& assignment.expertId().equals(expert.id()) && assignment.requestId().equals(request.id()));
	}

	private boolean conflicted(Expert expert) {
		return request.excludedExpertIds().contains(expert.id())
				|| request.excludedOrganisationIds().contains(expert.organisationId());
	}

	private boolean tooFar(Expert expert) {
		return Travel.minutes(expert.homeLocation(), request.location().point()) > expert.maxTravelMinutes();
	}

	private boolean freeOn(Expert expert, LocalDate date) {
		boolean weekend = request.duration() == VisitDuration.WEEKEND;
		Predicate<LocalDate> free = day -> expert.availability().isAvailableOn(day)
				&& (!weekend || expert.availability().isAvailableOn(day.plusDays(1)));
		return date == null ? request.acceptableDates().stream().anyMatch(free) : free.test(date);
	}

	/** Distinct weekends of that month the expert already gives: this plan's other visits and offers out elsewhere. */
	private long weekendsUsed(Expert expert, LocalDate date) {
		YearMonth month = YearMonth.from(Visit.saturdayOf(date));
		Set<LocalDate> saturdays = new HashSet<>();
		plan.proposals().stream()
			.filter(proposal -> expert.id().equals(proposal.expertId()) && !proposal.requestId().equals(request.id())
					&& proposal.date() != null)
			.map(proposal -> Visit.saturdayOf(LocalDate.parse(proposal.date())))
			.filter(saturday -> YearMonth.from(saturday).equals(month))
			.forEach(saturdays::add);
		assignments.stream()
			.filter(assignment -> AssignmentStatus.HOLDING.contains(assignment.status()) && assignment.expertId().equals(expert.id())
					&& !plan.id().equals(assignment.planId()))
			.map(assignment -> Visit.saturdayOf(assignment.date()))
			.filter(saturday -> YearMonth.from(saturday).equals(month))
			.forEach(saturdays::add);
		return saturdays.size();
	}

	private boolean busyOn(Expert expert, LocalDate date, List<PlanRun.Proposal> mine) {
		boolean onThisVisit = mine.stream().anyMatch(proposal -> expert.id().equals(proposal.expertId()));
		boolean elsewhere = plan.proposals().stream()
			.anyMatch(proposal -> expert.id().equals(proposal.expertId()) && !proposal.requestId().equals(request.id())
					&& proposal.date() != null && overlaps(LocalDate.parse(proposal.date()), proposal.wholeWeekend(), date));
		return onThisVisit || elsewhere;
	}

	private boolean overlaps(LocalDate other, boolean otherWholeWeekend, LocalDate date) {
		return Visit.overlaps(date, request.duration() == VisitDuration.WEEKEND, other,
				otherWholeWeekend);
	}


	private static int level(Expert expert, String skill) {
		return expert.skills().stream().filter(held -> held.skill().equals(skill)).mapToInt(HeldSkill::level).max().orElse(0);
	}

	private static int drop(List<Expert> left, Predicate<Expert> reason) {
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
