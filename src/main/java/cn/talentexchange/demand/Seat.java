package cn.talentexchange.demand;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code count} experts with {@code skill} at {@code minLevel} or above. */
public record Seat(@NotBlank @Size(max = 64) String skill, @NotNull @Min(1) @Max(5) Integer minLevel,
		@NotNull @Min(1) @Max(10) Integer count) {
}
