package cn.talentexchange.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A monthly or quarterly summary: one row per pairing the caller may read, their sum, and how far apart the
 * counties' fill rates lie.
 */
record PeriodReport(String period, LocalDate from, LocalDate to, Instant generatedAt, List<PairingRow> pairings,
		Figures total, FillRateSpread fillRateSpread) {

	/** Each county has exactly one pairing ("1+1对1"), so a pairing's row is also its county's. */
	record PairingRow(String pairingId, String countyId, String parkId, String districtId, Figures figures) {
	}

	/** Lowest and highest fill rate over the counties with positions to fill, and the gap between them. */
	record FillRateSpread(int counties, Double lowest, Double highest, Double spread) {
	}

}
