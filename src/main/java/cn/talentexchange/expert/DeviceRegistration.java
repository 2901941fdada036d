package cn.talentexchange.expert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A phone announces its FCM registration token; registering the same token again refreshes it. */
record DeviceRegistration(@NotBlank @Size(max = 4096) @Pattern(regexp = "[A-Za-z0-9_:\\-.]+") String token,
		@NotNull Device.Platform platform) {
}
