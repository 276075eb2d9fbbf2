# Names vulture (dead-code finder, run by .ci/run) reports as unused but that are used: by Qt,
# reportlab, SQLAlchemy, entry points or tests. Not imported by anything; vulture reads it.
# ruff skips this file (bare names on purpose). Keep each entry with its reason.
# ruff: noqa

# Entry points and callbacks called from outside our code
main_gui  # pyproject [project.gui-scripts]
_begin  # SQLAlchemy event listener (store/engine.py)
_open_refreshed  # SQLAlchemy "refresh" event listener (store/server/sealing.py)
context  # Qt message handler signature (ui/application.py)

# Alembic reads these from every revision module (db/versions)
revision
down_revision
branch_labels
depends_on
upgrade
downgrade

# Type-checking-only imports (named in string annotations)
DataclassInstance

# Qt virtual methods, called by Qt
_.closeEvent
_.paintEvent
_.dragEnterEvent
_.dropEvent
_.isComplete
_.validatePage
_.initializePage

# reportlab chart and legend properties: set here, read by reportlab when drawing
_.y
_.categoryNames
_.reverseDirection
_.groupSpacing
_.barLabelFormat
_.barLabelArray
_.lineLabelFormat
_.lineLabelArray
_.fontName
_.fontSize
_.boxAnchor
_.dx
_.dy
_.deltax
_.deltay
_.fillColor
_.strokeColor
_.strokeWidth
_.valueMin
_.forceZero
_.alignment
_.columnMaximum
_.autoXPadding
_.colorNamePairs

# Table columns and DTO fields: read through SQLAlchemy, mapping.py (by field name) or views
is_counsellor
is_team_lead
is_admin
updated_at
_.updated_at
referred_partner_type
op
overdue_follow_ups
goals_due
referrals_waiting
turning_27
missing_processing_consent

# A domain rule the SQL of the statistics repository mirrors (kept to test that they agree)
is_active_in

# Used by tests only: the fixed clock, and use cases and office-server calls that have no
# window or command yet but are tested and kept
FixedClock
cell_key
_.distribution
rotate_recovery_key
delete_anonymous_contact
list_anonymous_contacts
set_referral_status
offer_file
core_dumps_disabled
progress_of
export
_.meta
ChangeListener
StaffFunctions
_.save_fields
_.file_rows
_.client_names
_.team_overview
_.reassign
_.set_deputy
_.take_password_resets

# ui: left to the ui split (issue 11, part b), which removes or uses these
_.completer_popup
_.uninstall
_._popup
_.result_value
_.current_code
