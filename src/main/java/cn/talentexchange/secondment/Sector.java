package cn.talentexchange.secondment;

/** Which side of the exchange an organisation is on: a government body or an enterprise. */
public enum Sector { GOVERNMENT, ENTERPRISE }
