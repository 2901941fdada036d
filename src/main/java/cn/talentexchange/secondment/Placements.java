package cn.talentexchange.secondment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.talentexchange.database.ConditionalUpdates;
import cn.talentexchange.database.LostRace;
import cn.talentexchange.database.PagedQueries;
import cn.talentexchange.notification.Audience;
import cn.talentexchange.notification.Notice;
import cn.talentexchange.notification.NotificationKind;
import cn.talentexchange.notification.Outbox;
import cn.talentexchange.secondment.Secondment.Side;
import cn.talentexchange.security.Caller;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import cn.talentexchange.web.ProblemType;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The life of a placement. Every change is one conditional update on the placement with the expected status
 * in its filter; the two approvals are two such updates, and the placement moves on only by a third one whose
 * filter requires both, so one side alone can never make it APPROVED. A person's placements never overlap:
 * each is first reserved in the candidate's own document by a compare-and-set on its version.
 */
@Component
public class Placements {

	private static final int RESERVE_ATTEMPTS = 20;

	private final ReactiveMongoTemplate mongo;

	private final ConditionalUpdates updates;

	private final PagedQueries pages;

	private final Outbox outbox;

	private final Clock clock;

	private final PostPositions positions;

	private final SecondmentSettings settings;

	Placements(ReactiveMongoTemplate mongo, ConditionalUpdates updates, PagedQueries pages, Outbox outbox, Clock clock,
			PostPositions positions, SecondmentSettings settings) {
		this.positions = positions;
		this.settings = settings;
		this.mongo = mongo;
		this.updates = updates;
		this.pages = pages;
		this.outbox = outbox;
		this.clock = clock;
	}

	Mono<Secondment> find(String id, Caller caller) {
		return mongo.findOne(Query.query(visible(caller).and("_id").is(id)), Secondment.class)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("secondment", id)));
	}

	Mono<PagedList<Secondment>> list(Caller caller, SecondmentStatus status, String postId, Paging paging) {
		Criteria filter = visible(caller);
		if (status != null) {
			filter = filter.and("status").is(status);
		}
		if (postId != null) {
			filter = filter.and("postId").is(postId);
		}
		return pages.page(Query.query(filter), Sort.by(Sort.Order.desc("period.start"), Sort.Order.asc("_id")), paging,
				Secondment.class);
	}

	/** Placements whose period meets the window, for the ledger; it counts each up to where it ended. */
	Flux<Secondment> meeting(Period window) {
		return mongo.find(Query.query(Criteria.where("period.start").lte(window.end()).and("period.end")
			.gte(window.start())), Secondment.class);
	}

	/** The placements of the person behind an expert profile. */
	Mono<PagedList<Secondment>> ofExpert(String expertId, Paging paging) {
		return pages.page(Query.query(Criteria.where("expertId").is(expertId)),
				Sort.by(Sort.Order.desc("period.start"), Sort.Order.asc("_id")), paging, Secondment.class);
	}

	/**
	 * Places the candidate in a free position of the post as NOMINATED. The id is the caller's: derived from the
	 * plan or from the post and the candidate, so that a retry (even after a crash between the reservations and the
	 * insert) completes the same placement rather than making another. The person is reserved first, then a
	 * position, each by a compare-and-set; a post with every position taken frees the person again.
	 */
	Mono<Secondment> nominate(String id, SecondmentPost post, SecondmentCandidate candidate,
			SecondmentOrganisation home, String pairingId, String planId, String by) {
		// A repeat answers with the placement as it is, whatever became of it, and reserves nothing again.
		return mongo.findById(id, Secondment.class)
			.switchIfEmpty(Mono.defer(() -> reserve(candidate.id(), id, post.period())
				.then(positions.take(post, id)
					.onErrorResume(ApiProblem.class, full -> release(candidate.id(), id, post.period().start().minusDays(1))
						.then(Mono.error(full))))
				.flatMap(position -> mongo.insert(placement(id, post, position, candidate, pairingId, planId, by)))
				.doOnSuccess(created -> outbox.nudge())
				.onErrorResume(DuplicateKeyException.class, exists -> mongo.findById(id, Secondment.class))));
	}

	private Secondment placement(String id, SecondmentPost post, int position, SecondmentCandidate candidate,
			String pairingId, String planId, String by) {
		Instant now = clock.instant();
		Secondment placement = new Secondment(id, post.id(), position, candidate.id(), candidate.name(),
				candidate.expertId(), candidate.homeOrganisationId(), candidate.homeAreaId(), post.hostOrganisationId(),
				post.hostAreaId(), pairingId, post.direction(), post.period(), SecondmentStatus.NOMINATED, null, null, planId,
				null, null, List.of(new Secondment.Transition(SecondmentStatus.NOMINATED, now, by, null)), 0, now, now, null);
		return withOutbox(placement, notices(placement, post.role(), "NOMINATED", post.period().start(), true, true));
	}

	/** One side's HR approves; when the other side has too, the placement is APPROVED (and ACTIVE once started). */
	Mono<Secondment> approve(String id, Caller caller, Side side) {
		String approval = "approvals." + side.name().toLowerCase();
		Criteria scope = Criteria.where("_id").is(id).and(areaField(side)).in(List.copyOf(caller.organisationIds()));
		return mongo.findOne(Query.query(scope), Secondment.class)
			.flatMap(current -> roleOf(current).flatMap(role -> updates.setOnce(Secondment.class, "secondment", scope,
					Criteria.where("status").is(SecondmentStatus.NOMINATED),
					held -> held.status() != SecondmentStatus.NOMINATED || approvalOf(held.approvals(), side) != null
							|| approvedOtherSide(held, side, caller),
					// When the other side already approved, the promotion below tells everyone at once.
					Outbox.append(new Update().set(approval, new Secondment.Approval(caller.username(), clock.instant())),
							otherSideApproved(current, side) ? List.of()
									: notices(current, role, "APPROVED_BY_ONE", current.period().start(), side == Side.HOME,
											side == Side.HOST)),
					refused -> refused.status() != SecondmentStatus.NOMINATED
							? ConditionalUpdates.invalidState("approve the placement", refused.status())
							: approvalOf(refused.approvals(), side) != null
									? new ApiProblem(ProblemType.INVALID_STATE, "The " + side + " side has already approved",
											Map.of("currentStatus", refused.status().name()))
									: new ApiProblem(ProblemType.FORBIDDEN, "This account approved the other side; a second "
											+ "person must approve the " + side + " side"))
				.flatMap(approved -> promote(approved, role))))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("secondment", id)))
			.doOnNext(changed -> outbox.nudge());
	}

	/** NOMINATED to APPROVED, only when both approvals are there; then ACTIVE if the period has begun. */
	private Mono<Secondment> promote(Secondment approved, String role) {
		Query bothApproved = Query.query(Criteria.where("_id").is(approved.id()).and("status").is(SecondmentStatus.NOMINATED)
			.and("approvals.home").ne(null).and("approvals.host").ne(null));
		return system(bothApproved, SecondmentStatus.APPROVED, new Update(),
				notices(approved, role, "APPROVED", approved.period().start(), true, true))
			.flatMap(promoted -> activateIfStarted(promoted, role))
			.defaultIfEmpty(approved);
	}

	private Mono<Secondment> activateIfStarted(Secondment approved, String role) {
		if (approved.period().start().isAfter(LocalDate.now(clock))) {
			return Mono.just(approved);
		}
		Query due = Query.query(Criteria.where("_id").is(approved.id()).and("status").is(SecondmentStatus.APPROVED));
		return system(due, SecondmentStatus.ACTIVE, new Update(),
				notices(approved, role, "ACTIVE", approved.period().start(), true, true))
			.defaultIfEmpty(approved);
	}

	/**
	 * One side asks to extend an active placement; the longer period is reserved for the person at once, so
	 * nothing else can take it while the other side decides.
	 */
	Mono<Secondment> askExtension(String id, Caller caller, Side side, LocalDate newEnd) {
		Criteria scope = Criteria.where("_id").is(id).and(areaField(side)).in(List.copyOf(caller.organisationIds()));
		return mongo.findOne(Query.query(scope), Secondment.class)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("secondment", id)))
			.flatMap(current -> roleOf(current).flatMap(role -> {
				if (!SecondmentStatus.AWAY.contains(current.status())) {
					return Mono.error(ConditionalUpdates.invalidState("extend the placement", current.status()));
				}
				if (current.extension() != null) {
					return Mono.error(new ApiProblem(ProblemType.INVALID_STATE, "An extension is already waiting for approval",
							Map.of("currentStatus", current.status().name())));
				}
				if (!newEnd.isAfter(current.period().end())) {
					return Mono.error(ApiProblem.invalid("newEnd", "must be after the current end, " + current.period().end()));
				}
				Secondment.Approvals approvals = side == Side.HOME
						? new Secondment.Approvals(new Secondment.Approval(caller.username(), clock.instant()), null)
						: new Secondment.Approvals(null, new Secondment.Approval(caller.username(), clock.instant()));
				Secondment.Extension extension = new Secondment.Extension(newEnd, caller.username(), clock.instant(), approvals);
				return reserve(current.candidateId(), id, new Period(current.period().start(), newEnd))
					.then(updates.transition(Secondment.class, "secondment", scope, null,
							Criteria.where("status").in(SecondmentStatus.AWAY).and("extension").is(null),
							Outbox.append(new Update().set("extension", extension),
									notices(current, role, "EXTENSION_ASKED", newEnd, side == Side.HOME, side == Side.HOST)),
							refused -> refused.extension() != null
									? new ApiProblem(ProblemType.INVALID_STATE, "An extension is already waiting for approval",
											Map.of("currentStatus", refused.status().name()))
									: ConditionalUpdates.invalidState("extend the placement", refused.status())));
			}))
			.doOnNext(changed -> outbox.nudge());
	}

	/** The other side agrees to the extension; with both, the placement is EXTENDED to the new end. */
	Mono<Secondment> approveExtension(String id, Caller caller, Side side) {
		String approval = "extension.approvals." + side.name().toLowerCase();
		Criteria scope = Criteria.where("_id").is(id).and(areaField(side)).in(List.copyOf(caller.organisationIds()));
		return updates.setOnce(Secondment.class, "secondment", scope, Criteria.where("status").in(SecondmentStatus.AWAY),
				held -> !SecondmentStatus.AWAY.contains(held.status()) || held.extension() == null
						|| approvalOf(held.extension().approvals(), side) != null,
				new Update().set(approval, new Secondment.Approval(caller.username(), clock.instant())),
				refused -> !SecondmentStatus.AWAY.contains(refused.status())
						? ConditionalUpdates.invalidState("approve the extension", refused.status())
						: refused.extension() == null
						? new ApiProblem(ProblemType.INVALID_STATE, "No extension is waiting for approval",
								Map.of("currentStatus", refused.status().name()))
						: new ApiProblem(ProblemType.INVALID_STATE, "The " + side + " side has already approved the extension",
								Map.of("currentStatus", refused.status().name())))
			.flatMap(approved -> roleOf(approved).flatMap(role -> {
				LocalDate newEnd = approved.extension().newEnd();
				Query bothApproved = Query.query(Criteria.where("_id").is(id).and("status").in(SecondmentStatus.AWAY)
					.and("extension.newEnd").is(newEnd)
					.and("extension.approvals.home").ne(null).and("extension.approvals.host").ne(null));
				return system(bothApproved, SecondmentStatus.EXTENDED,
						new Update().set("period.end", newEnd).unset("extension"),
						notices(approved, role, "EXTENDED", newEnd, true, true))
					.defaultIfEmpty(approved);
			}))
			.doOnNext(changed -> outbox.nudge());
	}

	/** Either side's HR, or a coordinator, ends a placement early with a reason; the person is free from tomorrow. */
	Mono<Secondment> terminate(String id, Caller caller, String reason) {
		LocalDate today = LocalDate.now(clock);
		Criteria scope = visible(caller).and("_id").is(id);
		return mongo.findOne(Query.query(scope), Secondment.class)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("secondment", id)))
			.flatMap(current -> roleOf(current).flatMap(role -> {
				Secondment.Transition transition = new Secondment.Transition(SecondmentStatus.TERMINATED, clock.instant(),
						caller.username(), reason);
				return updates.transition(Secondment.class, "secondment", scope, null,
						Criteria.where("status").in(SecondmentStatus.HOLDING),
						Outbox.append(new Update().set("status", SecondmentStatus.TERMINATED).set("terminationReason", reason)
							.set("endedOn", today).unset("extension").push("history", transition),
								notices(current, role, "TERMINATED", today, true, true)),
						refused -> ConditionalUpdates.invalidState("terminate the placement", refused.status()));
			}))
			.flatMap(ended -> release(ended.candidateId(), ended.id(), today).thenReturn(ended))
			.doOnNext(changed -> outbox.nudge());
	}

	/**
	 * The calendar moves placements on: APPROVED ones start on their first day, ACTIVE and EXTENDED ones are
	 * COMPLETED after their last. Returns how many changed.
	 */
	Mono<Long> advance() {
		LocalDate today = LocalDate.now(clock);
		Flux<Secondment> starting = mongo.find(Query.query(Criteria.where("status").is(SecondmentStatus.APPROVED)
			.and("period.start").lte(today)), Secondment.class)
			.concatMap(due -> roleOf(due).flatMap(role -> activateIfStarted(due, role)));
		Flux<Secondment> ending = mongo.find(Query.query(Criteria.where("status").in(SecondmentStatus.AWAY)
			.and("period.end").lt(today)), Secondment.class)
			.concatMap(due -> roleOf(due).flatMap(role -> system(Query.query(Criteria.where("_id").is(due.id())
				.and("status").in(SecondmentStatus.AWAY).and("period.end").is(due.period().end())), SecondmentStatus.COMPLETED,
					new Update().set("endedOn", due.period().end()).unset("extension"),
					notices(due, role, "COMPLETED", due.period().end(), true, true))));
		return Flux.concat(starting, ending).count().doOnNext(changed -> outbox.nudge());
	}

	/** The post's role, which the notices name. */
	private Mono<String> roleOf(Secondment placement) {
		return mongo.findById(placement.postId(), SecondmentPost.class).map(SecondmentPost::role).defaultIfEmpty("");
	}

	private Mono<Secondment> system(Query query, SecondmentStatus to, Update update, List<Notice> notices) {
		Instant now = clock.instant();
		update.set("status", to)
			.push("history", new Secondment.Transition(to, now, "system", null))
			.set("updatedAt", now)
			.inc("version", 1);
		return mongo.findAndModify(query, Outbox.append(update, notices), FindAndModifyOptions.options().returnNew(true),
				Secondment.class);
	}

	/**
	 * Holds the person for the period in their candidate document, unless another placement already does:
	 * a compare-and-set on the candidate's version, read again and retried when someone else changed it.
	 */
	Mono<Void> reserve(String candidateId, String secondmentId, Period period) {
		return Mono.defer(() -> mongo.findById(candidateId, SecondmentCandidate.class)
			.switchIfEmpty(Mono.error(() -> ApiProblem.invalid("candidateId", "no candidate '" + candidateId + "'")))
			.flatMap(candidate -> {
				SecondmentCandidate.Commitment clash = candidate.clash(period, secondmentId);
				if (clash != null) {
					return Mono.error(new ApiProblem(ProblemType.OVERLAPPING_PLACEMENT, candidate.name()
							+ " is already placed from " + clash.period().start() + " to " + clash.period().end(),
							Map.of("clashingSecondmentId", clash.secondmentId())));
				}
				List<SecondmentCandidate.Commitment> commitments = new ArrayList<>(candidate.commitments().stream()
					.filter(held -> !held.secondmentId().equals(secondmentId))
					.toList());
				commitments.add(new SecondmentCandidate.Commitment(secondmentId, period));
				return compareAndSet(candidate, commitments);
			}))
			.retryWhen(Retry.max(RESERVE_ATTEMPTS).filter(LostRace.class::isInstance))
			.then();
	}

	/** Frees the person after {@code lastDay}: the commitment shrinks, or goes if the placement had not begun. */
	private Mono<Void> release(String candidateId, String secondmentId, LocalDate lastDay) {
		return Mono.defer(() -> mongo.findById(candidateId, SecondmentCandidate.class)
			.flatMap(candidate -> {
				List<SecondmentCandidate.Commitment> commitments = new ArrayList<>();
				for (SecondmentCandidate.Commitment held : candidate.commitments()) {
					if (!held.secondmentId().equals(secondmentId)) {
						commitments.add(held);
					}
					else if (!lastDay.isBefore(held.period().start())) {
						LocalDate end = lastDay.isBefore(held.period().end()) ? lastDay : held.period().end();
						commitments.add(new SecondmentCandidate.Commitment(secondmentId, new Period(held.period().start(), end)));
					}
				}
				return compareAndSet(candidate, commitments);
			}))
			.retryWhen(Retry.max(RESERVE_ATTEMPTS).filter(LostRace.class::isInstance))
			.then();
	}

	private Mono<SecondmentCandidate> compareAndSet(SecondmentCandidate candidate, List<SecondmentCandidate.Commitment> commitments) {
		Query unchanged = Query.query(Criteria.where("_id").is(candidate.id()).and("version").is(candidate.version()));
		return mongo.findAndModify(unchanged, new Update().set("commitments", commitments).inc("version", 1)
			.set("updatedAt", clock.instant()), FindAndModifyOptions.options().returnNew(true), SecondmentCandidate.class)
			.switchIfEmpty(Mono.error(LostRace::new));
	}

	/**
	 * The notices of a change: to the HR bureaus of the sides named (after one side acted, the other), and to the
	 * person when they are an expert.
	 */
	private List<Notice> notices(Secondment placement, String role, String event, LocalDate date, boolean toHost,
			boolean toHome) {
		Map<String, String> params = Map.of("event", event, "date", date.toString(), "role", role);
		Instant now = clock.instant();
		List<Notice> notices = new ArrayList<>();
		if (toHome) {
			notices.add(Notice.of(NotificationKind.SECONDMENT, Audience.hrBureau(placement.homeAreaId()), placement.id(),
					null, params, null, now));
		}
		if (toHost) {
			notices.add(Notice.of(NotificationKind.SECONDMENT, Audience.hrBureau(placement.hostAreaId()), placement.id(),
					null, params, null, now));
		}
		if (placement.expertId() != null && !"APPROVED_BY_ONE".equals(event) && !"EXTENSION_ASKED".equals(event)) {
			notices.add(Notice.of(NotificationKind.SECONDMENT, Audience.expert(placement.expertId()), placement.id(),
					null, params, null, now));
		}
		return notices;
	}

	private static Secondment withOutbox(Secondment placement, List<Notice> notices) {
		return new Secondment(placement.id(), placement.postId(), placement.position(), placement.candidateId(),
				placement.candidateName(), placement.expertId(), placement.homeOrganisationId(), placement.homeAreaId(),
				placement.hostOrganisationId(), placement.hostAreaId(), placement.pairingId(), placement.direction(),
				placement.period(), placement.status(), placement.approvals(), placement.extension(), placement.planId(),
				placement.terminationReason(), placement.endedOn(), placement.history(), placement.version(),
				placement.createdAt(), placement.updatedAt(), notices);
	}

	private static Secondment.Approval approvalOf(Secondment.Approvals approvals, Side side) {
		return side == Side.HOME ? approvals.home() : approvals.host();
	}

	/** Four eyes: one account may not give both approvals, unless the programme allows it. */
	private boolean approvedOtherSide(Secondment placement, Side side, Caller caller) {
		Secondment.Approval other = approvalOf(placement.approvals(), side == Side.HOME ? Side.HOST : Side.HOME);
		return !settings.oneAccountApprovesBothSides() && other != null && other.by().equals(caller.username());
	}

	private static boolean otherSideApproved(Secondment placement, Side side) {
		return (side == Side.HOME ? placement.approvals().host() : placement.approvals().home()) != null;
	}

	private static String areaField(Side side) {
		return side == Side.HOME ? "homeAreaId" : "hostAreaId";
	}

	/** A coordinator sees all placements; an HR bureau those of its areas, on either side; an expert their own. */
	private static Criteria visible(Caller caller) {
		return HrScope.visible(caller, "homeAreaId", "hostAreaId");
	}

}
