package cn.talentexchange.secondment;

/** Whether an organisation sits in the city (a central district or a park) or in a county area. */
public enum Tier { CITY, COUNTY }
