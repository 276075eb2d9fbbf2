"""The coded values of DESIGN §4: interchange codes, stable across versions.

Every coded field also accepts ``UNKNOWN`` ("keine Angabe"). Labels live in
``jmd_desk.texts.labels``; this module holds only the codes.
"""

from enum import StrEnum

UNKNOWN = "unknown"

GENDERS = ("female", "male", "diverse", UNKNOWN)

RESIDENCE_STATUSES = (
    "german_citizen",
    "eu_freedom_of_movement",
    "settlement_permit",
    "residence_permit_education",
    "residence_permit_employment",
    "residence_permit_humanitarian",
    "residence_permit_family",
    "residence_permit_other",
    "temporary_protection_24",
    "asylum_pending",
    "toleration",
    "no_status",
    UNKNOWN,
)

GERMAN_LEVELS = ("none", "A1", "A2", "B1", "B2", "C1", "C2", UNKNOWN)

CASE_TYPES = ("case_management", "counselling", "short_contact", UNKNOWN)

CLOSURE_REASONS = (
    "goals_achieved",
    "transition_regular_service",
    "age_limit",
    "contact_lost",
    "moved_away",
    "ended_by_service",
    "other",
    UNKNOWN,
)

DESTINATIONS = (
    "school",
    "vocational_training",
    "employment",
    "studies",
    "language_course",
    "none",
    UNKNOWN,
)

AREAS = (
    "language",
    "school",
    "vocational",
    "residence",
    "housing",
    "health",
    "family",
    "participation",
    "finances",
    UNKNOWN,
)

GOAL_STATUSES = (
    "open",
    "in_progress",
    "achieved",
    "partly_achieved",
    "not_achieved",
    "dropped",
    UNKNOWN,
)

CONTACT_MODES = (
    "in_person",
    "phone",
    "video",
    "messenger",
    "email",
    "outreach",
    "accompaniment",
    "group",
    UNKNOWN,
)

PARTICIPANTS = ("young_person", "parents", "third_party", UNKNOWN)

PARTNER_TYPES = (
    "jobcenter",
    "employment_agency",
    "immigration_office",
    "school",
    "school_authority",
    "integration_course_provider",
    "adult_migration_counselling",
    "youth_office",
    "counselling_centre",
    "chamber_recognition",
    "housing_office",
    "health",
    "migrant_organisation",
    "other",
    UNKNOWN,
)

CASE_PHASES = ("clearing", "assessment", "planning", "implementation", "evaluation", UNKNOWN)

RESPONSIBLES = ("young_person", "counsellor", "family", "partner", "other", UNKNOWN)

APPOINTMENT_STATUSES = ("planned", "held", "cancelled", "no_show", UNKNOWN)

GROUP_KINDS = (
    "course",
    "workshop",
    "school_workshop",
    "leisure",
    "parents",
    "information_event",
    "other",
    UNKNOWN,
)

DOCUMENT_KINDS = ("certificate", "notice", "application", "letter", "consent_form", "other", UNKNOWN)

# Media types a document may have; each is checked against the content (domain.documents).
MEDIA_TYPES = (
    "application/pdf",
    "image/png",
    "image/jpeg",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)

# Fields whose real progress (not corrections) is recorded with a date.
PROGRESS_FIELDS = ("german_level", "school_qualification")

REFERRAL_STATUSES = ("requested", "accepted", "rejected", "completed", "withdrawn", UNKNOWN)

CONSENT_SCOPES = ("processing", "referral_sharing", "statistics", "messenger_contact", UNKNOWN)

CONSENT_GIVERS = ("self", "guardian", UNKNOWN)

# Coded since interchange version 2; older free text lives on in school_qualification_note.
SCHOOL_QUALIFICATIONS = (
    "none",
    "lower_secondary",
    "intermediate_secondary",
    "upper_secondary",
    "foreign_recognised",
    "foreign_not_recognised",
    "recognition_pending",
    UNKNOWN,
)
SCHOOL_QUALIFICATION_SUGGESTIONS = SCHOOL_QUALIFICATIONS[:-1]
# Suggestions offered by the client form; the fields themselves are free text (DESIGN §4
# names no code list for them), so imported wording is kept as it is.
CURRENT_SITUATION_SUGGESTIONS = (
    "school",
    "language_course",
    "integration_course",
    "vocational_preparation",
    "vocational_training",
    "studies",
    "employment",
    "seeking_work",
    "other",
)
ACCESS_ROUTE_SUGGESTIONS = (
    "self_referral",
    "family_friends",
    "community",
    "school",
    "jobcenter",
    "employment_agency",
    "immigration_office",
    "youth_office",
    "adult_migration_counselling",
    "other_service",
    "outreach",
    "online",
)


class Role(StrEnum):
    """A user's role; a user may hold several."""

    COUNSELLOR = "counsellor"
    TEAM_LEAD = "team_lead"
    ADMIN = "admin"


AGE_GROUPS = ("12-14", "15-17", "18-20", "21-24", "25-27", "other")
# Age groups as a recorded code (anonymous contacts, group headcounts) also accept unknown.
AGE_GROUP_CODES = (*AGE_GROUPS, UNKNOWN)
DURATION_BANDS = ("<1m", "1-3m", "3-6m", "6-12m", ">12m")
OTHER = "other"

MIN_AGE = 12
MAX_AGE = 27
