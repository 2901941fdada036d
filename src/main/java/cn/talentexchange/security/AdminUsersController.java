package cn.talentexchange.security;

import java.util.Comparator;
import java.util.List;

import cn.talentexchange.web.ExpectedVersion;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** An administrator reads and sets a staff account's roles; {@code id} is the account's username. */
@RestController
@RequestMapping("/api/v1/admin/users/{id}/roles")
class AdminUsersController {

	private final UserRoles roles;

	AdminUsersController(UserRoles roles) {
		this.roles = roles;
	}

	@GetMapping
	Mono<ResponseEntity<RolesView>> get(@PathVariable String id) {
		return roles.find(id).map(RolesView::versioned);
	}

	@PutMapping
	Mono<ResponseEntity<RolesView>> change(Caller caller, @PathVariable String id, @Valid @RequestBody RoleChange change,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return Mono.fromCallable(() -> ExpectedVersion.of(ifMatch, change.version()))
			.flatMap(expected -> roles.change(caller, id, change, expected))
			.map(RolesView::versioned);
	}

	/** A staff account's roles and scope, sorted by name so that equal settings read the same. */
	record RolesView(String username, String displayName, List<Role> roles, String countyId,
			List<String> organisationIds, boolean enabled, long version) {

		static ResponseEntity<RolesView> versioned(StaffUser user) {
			RolesView view = new RolesView(user.username(), user.displayName(), user.roles().stream().sorted(Comparator.comparing(Role::name)).toList(),
					user.countyId(), user.organisationIds() == null ? List.of() : user.organisationIds().stream().sorted().toList(),
					user.enabled(), user.version());
			return ResponseEntity.ok().eTag(ExpectedVersion.entityTag(user.version())).body(view);
		}

	}

}
