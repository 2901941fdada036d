package cn.talentexchange.pairing;

/** The four actions of the source document; every county problem and every skill belongs to one. */
public enum ActionCategory {

	PLANNING, INDUSTRY, ENCLAVE, TALENT

}
