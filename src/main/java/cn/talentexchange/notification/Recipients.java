package cn.talentexchange.notification;

import java.util.List;

import cn.talentexchange.expert.Experts;
import cn.talentexchange.security.Role;
import cn.talentexchange.security.StaffDirectory;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Turns an audience into the accounts that receive the notice, each with the locale to write it in. */
@Component
class Recipients {

	private final Experts experts;

	private final StaffDirectory staff;

	Recipients(Experts experts, StaffDirectory staff) {
		this.experts = experts;
		this.staff = staff;
	}

	Flux<Recipient> of(Audience audience) {
		return switch (audience.type()) {
			case EXPERT -> experts.findAllById(List.of(audience.id()))
				.map(expert -> new Recipient(expert.username(), expert.locale()));
			case COUNTY_AGENCY -> staff.holding(Role.COUNTY_AGENCY, audience.id())
				.map(account -> new Recipient(account.username(), account.locale()));
			case HR_BUREAU -> staff.actingFor(Role.HR_BUREAU, audience.id())
				.map(account -> new Recipient(account.username(), account.locale()));
			case COORDINATORS -> staff.holding(Role.COORDINATOR, null)
				.map(account -> new Recipient(account.username(), account.locale()));
		};
	}

	record Recipient(String username, String locale) {
	}

}
