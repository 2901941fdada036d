package cn.talentexchange.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.DeclineReason;
import cn.talentexchange.demand.Priority;
import cn.talentexchange.report.CsvTable.Column;

/** The reports as CSV tables: which columns, in which order, under which names. */
final class ReportTables {

	private static final Map<Priority, String[]> PRIORITY_NAMES = Map.of(Priority.LOW, new String[] { "low", "低" },
			Priority.NORMAL, new String[] { "normal", "一般" }, Priority.HIGH, new String[] { "high", "高" },
			Priority.CRITICAL, new String[] { "critical", "紧急" });

	private static final Map<DeclineReason, String[]> REASON_NAMES = Map.of(DeclineReason.NOT_AVAILABLE,
			new String[] { "not available", "时间不便" }, DeclineReason.TOO_FAR, new String[] { "too far", "路程太远" },
			DeclineReason.OUTSIDE_MY_FIELD, new String[] { "outside my field", "非本专业" }, DeclineReason.WORKLOAD,
			new String[] { "workload", "工作繁忙" }, DeclineReason.PERSONAL, new String[] { "personal", "个人原因" },
			DeclineReason.OTHER, new String[] { "other", "其他" });

	private static final List<Column<Figures>> FIGURES = figures();

	private static final String TOTAL_EN = "TOTAL";

	private static final String TOTAL_ZH = "合计";

	private ReportTables() {
	}

	/** One line per pairing, then the total; the spread of fill rates stands on the total line. */
	static String period(PeriodReport report, boolean chinese) {
		List<Column<PeriodLine>> columns = new ArrayList<>();
		columns.add(new Column<>("pairing", "结对", PeriodLine::pairingId));
		columns.add(new Column<>("county", "县区", PeriodLine::countyId));
		FIGURES.forEach(column -> columns.add(column.of(PeriodLine::figures)));
		columns.add(new Column<>("counties with seats", "有岗位的县区数", line -> line.spread() == null ? null : line.spread().counties()));
		columns.add(new Column<>("lowest fill rate", "最低落实率", line -> line.spread() == null ? null : line.spread().lowest()));
		columns.add(new Column<>("highest fill rate", "最高落实率", line -> line.spread() == null ? null : line.spread().highest()));
		columns.add(new Column<>("fill rate spread", "落实率极差", line -> line.spread() == null ? null : line.spread().spread()));
		List<PeriodLine> lines = new ArrayList<>();
		report.pairings().forEach(row -> lines.add(new PeriodLine(row.pairingId(), row.countyId(), row.figures(), null)));
		lines.add(new PeriodLine(chinese ? TOTAL_ZH : TOTAL_EN, null, report.total(), report.fillRateSpread()));
		return new CsvTable<>(columns).write(lines, chinese);
	}

	static String annual(AnnualReport report, boolean chinese) {
		List<Column<AnnualReport.RankedPairing>> columns = new ArrayList<>();
		columns.add(new Column<>("rank", "名次", AnnualReport.RankedPairing::rank));
		columns.add(new Column<>("pairing", "结对", AnnualReport.RankedPairing::pairingId));
		columns.add(new Column<>("county", "县区", AnnualReport.RankedPairing::countyId));
		columns.add(new Column<>("score", "总分", AnnualReport.RankedPairing::score));
		columns.add(new Column<>("fill component", "落实分项", line -> line.components().fill()));
		columns.add(new Column<>("solved component", "解决分项", line -> line.components().solved()));
		columns.add(new Column<>("rating component", "评分分项", line -> line.components().rating()));
		columns.add(new Column<>("reliability component", "守约分项", line -> line.components().reliability()));
		columns.add(new Column<>("speed component", "响应分项", line -> line.components().speed()));
		columns.add(new Column<>("exchange component", "挂职交流分项", line -> line.components().exchange()));
		FIGURES.forEach(column -> columns.add(column.of(AnnualReport.RankedPairing::figures)));
		return new CsvTable<>(columns).write(report.ranking(), chinese);
	}

	/**
	 * One line per person on a coming visit, per empty position, per waiting offer, per recent decline and per
	 * recent no-show; {@code section} says which.
	 */
	static String dispatch(DispatchSheet sheet, boolean chinese) {
		List<DispatchLine> lines = new ArrayList<>();
		for (DispatchSheet.CountySheet county : sheet.counties()) {
			String countyId = county.countyId();
			for (DispatchSheet.ComingVisit visit : county.visits()) {
				for (DispatchSheet.SeatLine seat : visit.seats()) {
					seat.people().forEach(person -> lines.add(DispatchLine.person(countyId, visit, seat, person)));
					seat.empty().forEach(empty -> lines.add(DispatchLine.empty(countyId, visit, seat, empty)));
				}
			}
			county.waitingOffers().forEach(offer -> lines.add(DispatchLine.waiting(countyId, offer)));
			county.recentDeclines().forEach(decline -> lines.add(DispatchLine.declined(countyId, decline)));
			county.recentNoShows().forEach(noShow -> lines.add(DispatchLine.noShow(countyId, noShow)));
		}
		List<Column<DispatchLine>> columns = List.of(new Column<>("section", "栏目", DispatchLine::section),
				new Column<>("county", "县区", DispatchLine::countyId),
				new Column<>("request", "需求编号", DispatchLine::requestId),
				new Column<>("title", "需求名称", DispatchLine::title),
				new Column<>("date", "日期", DispatchLine::date),
				new Column<>("priority", "优先级", line -> line.visit() == null ? null : line.visit().priority()),
				new Column<>("planned", "已排期", line -> line.visit() == null ? null : line.visit().planned()),
				new Column<>("seat", "岗位序号", line -> line.seat() == null ? null : line.seat().seat()),
				new Column<>("skill", "所需技能", line -> line.seat() == null ? null : line.seat().skill()),
				new Column<>("position", "名额序号", DispatchLine::position),
				new Column<>("assignment", "任务编号", DispatchLine::assignmentId),
				new Column<>("expert", "专家编号", DispatchLine::expertId),
				new Column<>("expert name", "专家姓名", DispatchLine::expertName),
				new Column<>("status", "状态", DispatchLine::status),
				new Column<>("offer deadline", "答复截止", DispatchLine::offerDeadline),
				new Column<>("why empty", "空缺原因", DispatchLine::whyEmpty),
				new Column<>("last status", "上一状态", DispatchLine::lastStatus),
				new Column<>("decline reason", "谢绝原因", DispatchLine::declineReason),
				new Column<>("declined at", "谢绝时间", DispatchLine::declinedAt),
				new Column<>("note", "备注", DispatchLine::note));
		return new CsvTable<>(columns).write(lines, chinese);
	}

	private static List<Column<Figures>> figures() {
		List<Column<Figures>> columns = new ArrayList<>();
		columns.add(new Column<>("requests posted", "发布需求数", figures -> figures.demand().requestsPosted()));
		columns.add(new Column<>("requests cancelled", "撤销需求数", figures -> figures.demand().requestsCancelled()));
		columns.addAll(seats("", "", figures -> figures.demand().seats()));
		for (Priority priority : Priority.values()) {
			String[] name = PRIORITY_NAMES.get(priority);
			columns.addAll(seats(" (" + name[0] + ")", "（" + name[1] + "）",
					figures -> figures.demand().seatsByPriority().get(priority)));
		}
		columns.add(new Column<>("median hours to first acceptance", "首位专家接受用时中位数（小时）",
				figures -> figures.demand().medianHoursToFirstAcceptance()));
		columns.add(new Column<>("requests with an acceptance", "有专家接受的需求数", figures -> figures.demand().requestsAccepted()));
		columns.add(new Column<>("offers", "邀请数", figures -> figures.visits().offers()));
		columns.add(new Column<>("accepted", "接受数", figures -> figures.visits().accepted()));
		columns.add(new Column<>("declined", "谢绝数", figures -> figures.visits().declined()));
		columns.add(new Column<>("decline rate", "谢绝率", figures -> figures.visits().declineRate()));
		for (DeclineReason reason : DeclineReason.values()) {
			String[] name = REASON_NAMES.get(reason);
			columns.add(new Column<>("declined: " + name[0], "谢绝：" + name[1],
					figures -> figures.visits().declinesByReason().get(reason)));
		}
		for (DeclineReason reason : DeclineReason.values()) {
			String[] name = REASON_NAMES.get(reason);
			columns.add(new Column<>("decline rate: " + name[0], "谢绝率：" + name[1],
					figures -> figures.visits().declineRatesByReason().get(reason)));
		}
		columns.add(new Column<>("expired", "逾期未复数", figures -> figures.visits().expired()));
		columns.add(new Column<>("completed", "完成到访数", figures -> figures.visits().completed()));
		columns.add(new Column<>("no-shows", "失约数", figures -> figures.visits().noShows()));
		columns.add(new Column<>("no-show rate", "失约率", figures -> figures.visits().noShowRate()));
		columns.add(new Column<>("expert-days", "专家人日", figures -> figures.visits().expertDays()));
		columns.add(new Column<>("hours", "服务小时", figures -> figures.visits().hours()));
		columns.add(new Column<>("rated", "已评价", figures -> figures.outcomes().rated()));
		columns.add(new Column<>("solved", "已解决", figures -> figures.outcomes().solved()));
		columns.add(new Column<>("partly solved", "部分解决", figures -> figures.outcomes().partlySolved()));
		columns.add(new Column<>("not solved", "未解决", figures -> figures.outcomes().notSolved()));
		columns.add(new Column<>("average rating", "平均评分", figures -> figures.outcomes().averageRating()));
		columns.add(new Column<>("expert load Gini", "专家负荷基尼系数", figures -> figures.fairness().expertLoadGini()));
		columns.add(new Column<>("experts in pool", "专家库人数", figures -> figures.fairness().expertsInPool()));
		columns.add(new Column<>("experts with load", "有任务的专家数", figures -> figures.fairness().expertsWithLoad()));
		columns.add(new Column<>("cadre-months city to county", "市派县干部人月", figures -> figures.secondments().cityToCounty()));
		columns.add(new Column<>("cadre-months county to city", "县派市干部人月", figures -> figures.secondments().countyToCity()));
		return List.copyOf(columns);
	}

	private static List<Column<Figures>> seats(String en, String zh, Function<Figures, Figures.Seats> part) {
		List<Column<Figures.Seats>> columns = List.of(new Column<>("positions" + en, "岗位数" + zh, Figures.Seats::positions),
				new Column<>("filled" + en, "已落实" + zh, Figures.Seats::filled),
				new Column<>("unfilled" + en, "未落实" + zh, Figures.Seats::unfilled),
				new Column<>("fill rate" + en, "落实率" + zh, Figures.Seats::fillRate));
		return columns.stream().map(column -> column.of(part)).toList();
	}

	/** One line of the dispatch CSV; each section fills its own columns and leaves the rest empty. */
	private record DispatchLine(String section, String countyId, String requestId, String title, LocalDate date,
			DispatchSheet.ComingVisit visit, DispatchSheet.SeatLine seat, Integer position, String assignmentId,
			String expertId, String expertName, AssignmentStatus status, Instant offerDeadline,
			DispatchSheet.WhyEmpty whyEmpty, AssignmentStatus lastStatus, DeclineReason declineReason, Instant declinedAt,
			String note) {

		static DispatchLine person(String countyId, DispatchSheet.ComingVisit visit, DispatchSheet.SeatLine seat,
				DispatchSheet.Person person) {
			return new DispatchLine("VISIT", countyId, visit.requestId(), visit.title(), visit.date(), visit, seat,
					person.position(), person.assignmentId(), person.expertId(), person.displayName(), person.status(),
					person.offerDeadline(), null, null, null, null, null);
		}

		static DispatchLine empty(String countyId, DispatchSheet.ComingVisit visit, DispatchSheet.SeatLine seat,
				DispatchSheet.EmptyPosition empty) {
			return new DispatchLine("EMPTY", countyId, visit.requestId(), visit.title(), visit.date(), visit, seat,
					empty.position(), null, null, null, null, null, empty.reason(), empty.lastStatus(), empty.declineReason(),
					null, null);
		}

		static DispatchLine waiting(String countyId, DispatchSheet.WaitingOffer offer) {
			return new DispatchLine("WAITING_OFFER", countyId, offer.requestId(), offer.title(), offer.date(), null, null,
					null, offer.assignmentId(), offer.expertId(), offer.displayName(), AssignmentStatus.OFFERED,
					offer.offerDeadline(), null, null, null, null, null);
		}

		static DispatchLine declined(String countyId, DispatchSheet.RecentDecline decline) {
			return new DispatchLine("DECLINE", countyId, decline.requestId(), decline.title(), decline.date(), null, null,
					null, decline.assignmentId(), decline.expertId(), decline.displayName(), AssignmentStatus.DECLINED, null,
					null, null, decline.reason(), decline.declinedAt(), decline.note());
		}

		static DispatchLine noShow(String countyId, DispatchSheet.RecentNoShow noShow) {
			return new DispatchLine("NO_SHOW", countyId, noShow.requestId(), noShow.title(), noShow.date(), null, null, null,
					noShow.assignmentId(), noShow.expertId(), noShow.displayName(), AssignmentStatus.NO_SHOW, null, null, null,
					null, null, null);
		}

	}

	private record PeriodLine(String pairingId, String countyId, Figures figures, PeriodReport.FillRateSpread spread) {
	}

}
