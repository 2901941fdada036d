package cn.talentexchange.secondment.solver;

import java.util.List;

import cn.talentexchange.secondment.Period;
import cn.talentexchange.secondment.Tier;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/** One position of a post; the solver puts a candidate in it or leaves it empty. */
@PlanningEntity
public class PositionSlot {

	@PlanningId
	private String id;

	private PostFact post;

	private int position;

	/** The candidates who could hold it at all: the hard rules are still checked, but no move is wasted on the rest. */
	private List<CandidateFact> candidates;

	@PlanningVariable(valueRangeProviderRefs = "postCandidates", nullable = true)
	private CandidateFact candidate;

	PositionSlot() {
		// for the solver's cloning
	}

	public PositionSlot(String id, PostFact post, int position, List<CandidateFact> candidates) {
		this.id = id;
		this.post = post;
		this.position = position;
		this.candidates = candidates;
	}

	@ValueRangeProvider(id = "postCandidates")
	public List<CandidateFact> getCandidates() {
		return candidates;
	}

	public String getId() {
		return id;
	}

	public PostFact getPost() {
		return post;
	}

	public int getPosition() {
		return position;
	}

	public CandidateFact getCandidate() {
		return candidate;
	}

	public void setCandidate(CandidateFact candidate) {
		this.candidate = candidate;
	}

	public Period period() {
		return post.period();
	}

	/** The pairing the exchange counts for: the county side's, when exactly one side is a county; else null. */
	public String pairingId() {
		if (candidate == null || candidate.homeTier() == post.hostTier()) {
			return null;
		}
		return post.hostTier() == Tier.COUNTY ? post.hostPairingId() : candidate.homePairingId();
	}

	/** Whether the candidate comes from the city to the county (rather than back). */
	public boolean cityToCounty() {
		return candidate != null && candidate.homeTier() == Tier.CITY && post.hostTier() == Tier.COUNTY;
	}

	@Override
	public String toString() {
		return id + "=" + candidate;
	}

}
