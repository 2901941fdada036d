package cn.talentexchange.secondment;


import cn.talentexchange.secondment.SecondmentPost.PostStatus;
import cn.talentexchange.security.Caller;
import cn.talentexchange.web.ApiProblem;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Nominations by hand, checked against the same rules as the matcher's. */
@Component
class SecondmentDesk {

	private final ReactiveMongoTemplate mongo;

	private final Placements placements;

	private final SecondmentReferences organisations;

	SecondmentDesk(ReactiveMongoTemplate mongo, Placements placements, SecondmentReferences organisations) {
		this.mongo = mongo;
		this.placements = placements;
		this.organisations = organisations;
	}

	/**
	 * The home side's HR (or a coordinator) nominates one of its candidates for a post by hand. The same
	 * rules hold as for the planner's nominations: the direction, the skills, the person free for the whole
	 * period and in no other placement then, and a free position.
	 */
	Mono<Secondment> nominate(Caller caller, String postId, String candidateId) {
		Mono<SecondmentPost> post = mongo.findById(postId, SecondmentPost.class)
			.filter(found -> found.status() == PostStatus.OPEN)
			.switchIfEmpty(Mono.error(() -> ApiProblem.invalid("postId", "no open post '" + postId + "'")));
		Mono<SecondmentCandidate> candidate = mongo.findById(candidateId, SecondmentCandidate.class)
			.filter(found -> HrScope.actsFor(caller, found.homeAreaId()))
			.switchIfEmpty(Mono.error(() -> ApiProblem.invalid("candidateId", "no candidate '" + candidateId
					+ "' of your organisations")));
		return Mono.zip(post, candidate, organisations.organisations(), organisations.pairingsByArea())
			.flatMap(loaded -> {
				SecondmentPost found = loaded.getT1();
				SecondmentCandidate person = loaded.getT2();
				SecondmentOrganisation home = loaded.getT3().get(person.homeOrganisationId());
				SecondmentOrganisation host = loaded.getT3().get(found.hostOrganisationId());
				if (!found.direction().allows(home, host)) {
					return Mono.error(ApiProblem.invalid("candidateId", "a cadre of " + home.nameEn() + " does not fit a "
							+ found.direction() + " post"));
				}
				for (RequiredSkill required : found.requiredSkills()) {
					if (person.levelOf(required.skill()) < required.minLevel()) {
						return Mono.error(ApiProblem.invalid("candidateId", "lacks " + required.skill() + " at level "
								+ required.minLevel()));
					}
				}
				if (!person.isAvailableFor(found.period())) {
					return Mono.error(ApiProblem.invalid("candidateId", "is not available for the whole period "
							+ found.period().start() + ".." + found.period().end()));
				}
				return placements.nominate("sec-" + postId + "-" + candidateId, found, person, home,
						SecondmentReferences.pairingOf(home, host, loaded.getT4()), null, caller.username());
			});
	}

}
