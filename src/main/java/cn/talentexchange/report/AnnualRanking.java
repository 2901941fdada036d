package cn.talentexchange.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Scores every pairing's year on {@link AnnualScoreSettings} and ranks them, best first. */
@Component
class AnnualRanking {

	private final CadenceReports reports;

	private final AnnualScoreSettings weights;

	AnnualRanking(CadenceReports reports, AnnualScoreSettings weights) {
		this.reports = reports;
		this.weights = weights;
	}

	/** Ranks all pairings, then keeps the lines the caller may read. */
	Mono<AnnualReport> rank(int year, ReportScope scope) {
		ReportPeriod period = ReportPeriod.year(year);
		return reports.summarise(period, new ReportScope(true, null)).map(summary -> {
			double mostExchanged = summary.pairings().stream().mapToDouble(row -> exchanged(row.figures())).max().orElse(0);
			List<Scored> scored = summary.pairings().stream()
				.map(row -> {
					AnnualReport.Components components = components(row.figures(), mostExchanged);
					return new Scored(row, components, score(components));
				})
				.sorted(Comparator.comparing((Scored line) -> line.score() == null ? Double.NEGATIVE_INFINITY : line.score())
					.reversed()
					.thenComparing(line -> line.row().pairingId()))
				.toList();
			List<AnnualReport.RankedPairing> ranking = new ArrayList<>();
			for (int i = 0; i < scored.size(); i++) {
				Scored line = scored.get(i);
				if (scope.sees(line.row().countyId())) {
					ranking.add(new AnnualReport.RankedPairing(i + 1, line.row().pairingId(), line.row().countyId(),
							line.score(), line.components(), line.row().figures()));
				}
			}
			return new AnnualReport(year, period.from(), period.to(), summary.generatedAt(), weights, ranking);
		});
	}

	private AnnualReport.Components components(Figures figures, double mostExchanged) {
		Figures.Outcomes outcomes = figures.outcomes();
		Double averageRating = outcomes.averageRating();
		Double median = figures.demand().medianHoursToFirstAcceptance();
		Double noShowRate = figures.visits().noShowRate();
		return new AnnualReport.Components(figures.demand().seats().fillRate(),
				// Unrated visits count as unsolved: a county cannot lift its score by not rating.
				round(Statistics.ratio(outcomes.solved() + 0.5 * outcomes.partlySolved(), figures.visits().completed())),
				averageRating == null ? null : round((averageRating - 1) / 4),
				noShowRate == null ? null : round(1 - noShowRate),
				median == null ? null : round(Math.min(1, Math.max(0, 1 - median / weights.speedHorizonHours()))),
				mostExchanged == 0 ? null : round(exchanged(figures) / mostExchanged));
	}

	/** The weighted mean of the components with data, out of 100, to one decimal. */
	private Double score(AnnualReport.Components components) {
		Double[] values = { components.fill(), components.solved(), components.rating(), components.reliability(),
				components.speed(), components.exchange() };
		double[] weightOf = { weights.fill(), weights.solved(), weights.rating(), weights.reliability(), weights.speed(),
				weights.exchange() };
		double points = 0;
		double weightWithData = 0;
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null) {
				points += weightOf[i] * values[i];
				weightWithData += weightOf[i];
			}
		}
		return weightWithData == 0 ? null : Statistics.round(100 * points / weightWithData, 1);
	}

	private static double exchanged(Figures figures) {
		return figures.secondments().cityToCounty() + figures.secondments().countyToCity();
	}

	private static Double round(Double value) {
		return Statistics.round(value, 4);
	}

	private record Scored(PeriodReport.PairingRow row, AnnualReport.Components components, Double score) {
	}

}
