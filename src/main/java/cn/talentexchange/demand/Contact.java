package cn.talentexchange.demand;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The agency's person on the ground; internal, never shown to experts before they accept. */
public record Contact(@NotBlank @Size(max = 80) String name, @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 ()-]{5,24}") String phone) {
}
