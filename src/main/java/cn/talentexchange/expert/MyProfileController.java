package cn.talentexchange.expert;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.security.Caller;
import cn.talentexchange.web.ExpectedVersion;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** An expert's own profile, weekends and phones. */
@RestController
@RequestMapping("/api/v1/experts/me")
class MyProfileController {

	private final Experts experts;

	MyProfileController(Experts experts) {
		this.experts = experts;
	}

	@GetMapping
	Mono<ResponseEntity<ExpertView>> profile(Caller caller) {
		return experts.mine(caller).map(expert -> ExpertsController.versioned(ExpertView.of(expert, true)));
	}

	@PutMapping
	Mono<ResponseEntity<ExpertView>> changeProfile(Caller caller, @Valid @RequestBody ProfileChanges input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return Mono.fromCallable(() -> ExpectedVersion.of(ifMatch, input.version()))
			.flatMap(expected -> experts.changeProfile(caller, input, expected))
			.map(expert -> ExpertsController.versioned(ExpertView.of(expert, true)));
	}

	@GetMapping("/availability")
	Mono<ResponseEntity<AvailabilityView>> availability(Caller caller) {
		return experts.mine(caller).map(AvailabilityView::versioned);
	}

	@PutMapping("/availability")
	Mono<ResponseEntity<AvailabilityView>> changeAvailability(Caller caller,
			@Valid @RequestBody AvailabilityChanges input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return Mono.fromCallable(() -> ExpectedVersion.of(ifMatch, input.version()))
			.flatMap(expected -> experts.changeAvailability(caller, input, expected))
			.map(AvailabilityView::versioned);
	}

	@PatchMapping("/availability")
	Mono<ResponseEntity<AvailabilityView>> editAvailability(Caller caller, @Valid @RequestBody AvailabilityEdits input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return Mono.defer(() -> experts.editAvailability(caller, input, ExpectedVersion.optional(ifMatch, input.version())))
			.map(AvailabilityView::versioned);
	}

	@GetMapping("/devices")
	Mono<PagedList<DeviceView>> devices(Caller caller, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Paging paging = Paging.of(page, size);
		return experts.mine(caller).map(expert -> {
			var all = expert.devices().stream().map(DeviceView::of).toList();
			int from = (int) Math.min(paging.offset(), all.size());
			int to = Math.min(from + paging.size(), all.size());
			return PagedList.of(all.subList(from, to), paging, all.size());
		});
	}

	@PostMapping("/devices")
	Mono<ResponseEntity<DeviceView>> registerDevice(Caller caller, @Valid @RequestBody DeviceRegistration input) {
		return experts.registerDevice(caller, input).map(registered -> {
			DeviceView view = DeviceView.of(registered.device());
			return registered.created()
					? ResponseEntity.created(URI.create("/api/v1/experts/me/devices/" + view.id())).body(view)
					: ResponseEntity.ok(view);
		});
	}

	@DeleteMapping("/devices/{deviceId}")
	Mono<ResponseEntity<Void>> removeDevice(Caller caller, @PathVariable String deviceId) {
		return experts.removeDevice(caller, deviceId).thenReturn(ResponseEntity.noContent().build());
	}

	/** The expert's weekends, with the profile version an update must name. */
	record AvailabilityView(List<LocalDate> dates, List<LocalDate> blackoutDates,
			long version) {

		static ResponseEntity<AvailabilityView> versioned(Expert expert) {
			AvailabilityView view = new AvailabilityView(expert.availability().dates(),
					expert.availability().blackoutDates(), expert.version());
			return ResponseEntity.ok().eTag(ExpectedVersion.entityTag(expert.version())).body(view);
		}

	}

	/** A registered phone; the token is shown only in its last characters. */
	record DeviceView(String id, String tokenSuffix, Device.Platform platform, Instant registeredAt,
			Instant lastSeenAt) {

		static DeviceView of(Device device) {
			String token = device.token();
			return new DeviceView(device.id(), token.substring(Math.max(0, token.length() - 8)), device.platform(),
					device.registeredAt(), device.lastSeenAt());
		}

	}

}
