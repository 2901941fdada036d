package cn.talentexchange.secondment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A skill a post asks for, at a minimum level from 1 to 5. */
public record RequiredSkill(@NotBlank @Size(max = 64) String skill, @Min(1) @Max(5) int minLevel) {
}
