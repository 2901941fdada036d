package cn.talentexchange.expert;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A skill of the taxonomy at a level: 1 (can assist) to 5 (recognised authority). */
public record HeldSkill(@NotBlank @Size(max = 64) String skill, @Min(1) @Max(5) int level) {
}
