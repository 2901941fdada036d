package cn.talentexchange.secondment;

import java.time.Instant;
import java.util.List;

import cn.talentexchange.database.Versioned;
import cn.talentexchange.solving.RunStatus;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One run of the secondment matcher over the open posts and all candidates: its status, best score, and the
 * proposed placements with the rules that scored on each.
 */
@Document("secondmentPlanRuns")
public record SecondmentPlanRun(String id, RunStatus status, String requestedBy, Instant createdAt, Instant startedAt,
		Instant finishedAt, String score, int positions, int filled, List<Proposal> proposals, String failure,
		Instant publishedAt, long version, Instant updatedAt) implements Versioned {

	public SecondmentPlanRun {
		proposals = proposals == null ? List.of() : List.copyOf(proposals);
	}

	/**
	 * A post position and the candidate the plan puts there (null: nobody fits).
	 *
	 * @param scoredBy each rule that scored on this position, with what it cost or earned
	 */
	public record Proposal(String postId, int position, String role, String hostOrganisationId, String hostAreaId,
			Period period, String candidateId, String candidateName, String homeOrganisationId, String homeAreaId,
			List<RuleScore> scoredBy) {
	}

	public record RuleScore(String constraint, String score) {
	}

}
