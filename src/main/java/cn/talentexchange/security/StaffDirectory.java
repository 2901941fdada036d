package cn.talentexchange.security;

import reactor.core.publisher.Flux;

/** Staff accounts by role, for the notices a role receives. */
public interface StaffDirectory {

	/** Enabled accounts with the role; with a county, only those acting for it. */
	Flux<Account> holding(Role role, String countyId);

	/** Enabled accounts with the role acting for the organisation (an HR bureau for a district, park or county). */
	Flux<Account> actingFor(Role role, String organisationId);

}
