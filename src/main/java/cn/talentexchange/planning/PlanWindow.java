package cn.talentexchange.planning;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The weekends a plan covers and, optionally, the counties; no counties means all of them.
 *
 * @param profile the solver configuration to use, e.g. {@code weekend-nightly}; the default when absent
 */
public record PlanWindow(@NotNull LocalDate from, @NotNull LocalDate to,
		@Size(max = 10) List<@NotNull @Pattern(regexp = "[a-z0-9-]{1,64}") String> counties,
		@Pattern(regexp = "weekend-[a-z0-9-]{1,40}") String profile) {

	public PlanWindow {
		counties = counties == null ? List.of() : counties.stream().distinct().sorted().toList();
	}

	/**
	 * Two windows clash when their dates overlap, whatever their counties: experts serve the whole city, so two
	 * plans of the same weekends could otherwise send one expert to two places.
	 */
	public boolean overlaps(PlanWindow other) {
		return !from.isAfter(other.to) && !other.from.isAfter(to);
	}

	public boolean covers(LocalDate date) {
		return !date.isBefore(from) && !date.isAfter(to);
	}

	public boolean includesCounty(String countyId) {
		return counties.isEmpty() || counties.contains(countyId);
	}

}
