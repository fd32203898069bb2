"""Who may do what: the one operation × role table, read by API, pages and CLI.

Each operation (named as the API's endpoint is, ``blueprint.view``) needs one
permission, held on the committee of its target. A permission is held by roles;
``admin`` holds every permission everywhere. ``reach`` says where the permission
must be held: nowhere (``public``), by any account (``signed_in``, whose reads are
scoped to the committees it may read), on any committee (the shared directory),
on the target's committee, on it for the target's agency (officers), or by the
account addressed itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.account import Role


class Reach(StrEnum):
    """Where the operation's permission must be held."""

    PUBLIC = "public"
    SIGNED_IN = "signed_in"
    ADMIN = "admin"
    SELF = "self"
    ANY_COMMITTEE = "any_committee"
    COMMITTEE = "committee"
    AGENCY = "agency"


_MEMBERS = frozenset({Role.SECRETARY, Role.LEADER, Role.AGENCY_OFFICER, Role.VIEWER})

# Permission → the roles (besides admin) that hold it.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "sign_in": frozenset(Role),
    "read": _MEMBERS,
    "read_subscriptions": frozenset({Role.SECRETARY, Role.LEADER}),
    "record": frozenset({Role.SECRETARY}),
    "maintain_directory": frozenset({Role.SECRETARY}),
    "manage_subscriptions": frozenset({Role.SECRETARY}),
    "decide": frozenset({Role.LEADER}),
    "follow_up": frozenset({Role.AGENCY_OFFICER}),
    "own_account": frozenset(),
    "administer": frozenset(),
}


@dataclass(frozen=True)
class Rule:
    """What one operation needs: a permission, held where ``reach`` says."""

    permission: str
    reach: Reach


def _rules(reach: Reach, permission: str, *operations: str) -> dict[str, Rule]:
    return {operation: Rule(permission, reach) for operation in operations}


_R = Reach
POLICY: dict[str, Rule] = {
    **_rules(_R.PUBLIC, "sign_in", "health.health", "static", "auth.sign_in"),
    **_rules(
        _R.SIGNED_IN,
        "read",
        "api-docs.openapi_json",
        "auth.sign_out",
        "accounts.whoami",
        "agencies.get_agency",
        "people.get_person",
        "meetings.list_meetings",
        "assignments.list_assignments",
        "statistics.agency_statistics",
        "statistics.committee_statistics",
        "documents.list_documents",
        "documents.get_document",
        "lineage.node_lineage",
        "lineage.item_lineage",
        "lineage.document_lineage",
        "search.search",
        "digests.list_digests",
        "pages.digests",
    ),
    **_rules(
        _R.COMMITTEE,
        "read",
        "committees.get_committee",
        "meetings.get_meeting",
        "meeting_points.list_points",
        "meeting_points.get_point",
        "meeting_record.get_speech",
        "meeting_record.get_approval",
        "assignments.get_assignment",
        "digests.get_digest",
        "pages.digest",
        "history.get_history",
    ),
    **_rules(
        _R.COMMITTEE, "read_subscriptions", "digest_subscriptions.get_subscription"
    ),
    **_rules(
        _R.ADMIN,
        "administer",
        "committees.establish_committee",
        "committees.rename_committee",
        "accounts.register_account",
        "accounts.list_accounts",
        "accounts.grant_role",
        "accounts.revoke_role",
        "accounts.disable_account",
        "accounts.enable_account",
    ),
    **_rules(
        _R.SELF,
        "own_account",
        "accounts.get_account",
        "accounts.list_tokens",
        "accounts.issue_token",
        "accounts.revoke_token",
    ),
    **_rules(
        _R.ANY_COMMITTEE,
        "maintain_directory",
        "agencies.register_agency",
        "agencies.rename_agency",
        "agencies.add_agency_alias",
        "agencies.set_group_members",
        "people.register_person",
        "people.change_title",
    ),
    **_rules(
        _R.COMMITTEE,
        "record",
        "committees.appoint_member",
        "committees.relieve_member",
        "meetings.schedule_meeting",
        "meetings.reschedule_meeting",
        "meetings.cancel_meeting",
        "meetings.assign_chair",
        "meetings.add_agenda_item",
        "meetings.open_meeting",
        "meetings.close_meeting",
        "meeting_points.add_connection_point",
        "meeting_points.connect_point",
        "meeting_points.disconnect_point",
        "meeting_points.record_attendance",
        "meeting_record.record_speech",
        "meeting_record.correct_speech",
        "meeting_record.record_approval",
        "meeting_record.issue_conclusion",
        "meeting_record.amend_conclusion_item",
        "meeting_record.publish_notice",
        "carry_over.review_open_tasks",
        "conclusion_drafts.extract_conclusion",
        "conclusion_drafts.confirm_conclusion",
        "assignments.issue_assignment",
    ),
    **_rules(
        _R.COMMITTEE,
        "manage_subscriptions",
        "digest_subscriptions.subscribe",
        "digest_subscriptions.change_addresses",
        "digest_subscriptions.end_subscription",
        "digest_subscriptions.resume_subscription",
        "digest_subscriptions.name_accounts",
    ),
    **_rules(
        _R.COMMITTEE,
        "decide",
        "assignments.extend_deadline",
        "assignments.reassign",
        "assignments.cancel_assignment",
        "assignments.supersede",
        "assignments.reopen",
    ),
    **_rules(
        _R.AGENCY,
        "follow_up",
        "assignments.acknowledge",
        "assignments.report_progress",
        "assignments.request_extension",
        "assignments.complete",
        "assignments.delegate",
    ),
}


POLICY.update(
    {
        **_rules(
            _R.COMMITTEE,
            "read",
            "downloads.download_conclusion_notice_docx",
            "downloads.download_conclusion_notice_pdf",
            "downloads.download_meeting_minutes_docx",
            "downloads.download_meeting_minutes_pdf",
            "meeting_exports.export_meeting_record",
        ),
        # Scoped like the tracker: the rows of readable committees only.
        **_rules(
            _R.SIGNED_IN,
            "read",
            "downloads.download_tracker_report_xlsx",
            "downloads.download_tracker_csv",
        ),
        **_rules(_R.ADMIN, "administer", "meeting_exports.import_meeting_record"),
        # The directory's lists: committees scoped to the readable ones; agencies
        # and people are the shared directory every account reads (as one of them).
        **_rules(
            _R.SIGNED_IN,
            "read",
            "committees.list_committees",
            "agencies.list_agencies",
            "people.list_people",
        ),
        # A pasted list of points in one request, as the page's form sends it.
        **_rules(_R.COMMITTEE, "record", "meeting_points.add_connection_points"),
        # What an operator's probes ask: readiness names only what is wrong, and
        # the metrics check their own token (or answer this machine only).
        **_rules(_R.PUBLIC, "sign_in", "health.ready", "metrics"),
        # A calendar program cannot sign in: the feed's secret URL is its key.
        **_rules(
            _R.PUBLIC,
            "sign_in",
            "calendars.committee_meetings_calendar",
            "calendars.agency_deadlines_calendar",
            "calendars.person_own_calendar",
        ),
    }
)


def rule_for(operation: str) -> Rule | None:
    """The operation's rule; None when the table has no entry (refused)."""
    return POLICY.get(operation)


def roles_holding(permission: str) -> frozenset[Role]:
    """The roles that hold ``permission`` (admin holds every one, always)."""
    return PERMISSIONS[permission] | {Role.ADMIN}


# Pages run the same operations as the API: each page endpoint is authorised as
# the API operation it mirrors, so this stays one table.
PAGE_OPERATIONS = {
    "home.home": "accounts.whoami",
    "account_pages.accounts": "accounts.list_accounts",
    "account_pages.account": "accounts.list_accounts",
    "account_pages.grant": "accounts.grant_role",
    "account_pages.revoke": "accounts.revoke_role",
    "account_pages.disable": "accounts.disable_account",
    "directory_pages.agencies": "agencies.get_agency",
    "directory_pages.agency": "agencies.get_agency",
    "directory_pages.agency_alias": "agencies.add_agency_alias",
    "directory_pages.agency_members": "agencies.set_group_members",
    "directory_pages.people": "people.get_person",
    "explore_pages.lineage": "lineage.node_lineage",
    "explore_pages.search": "search.search",
    "explore_pages.documents": "documents.list_documents",
    "explore_pages.document": "documents.get_document",
    "docs.swagger_page": "api-docs.openapi_json",
    "docs.swagger_asset": "api-docs.openapi_json",
    "meeting_pages.meeting_list": "meetings.list_meetings",
    "meeting_pages.meeting_calendar": "meetings.list_meetings",
    "meeting_pages.meeting_page": "meetings.get_meeting",
    "meeting_pages.schedule": "meetings.schedule_meeting",
    "meeting_pages.speaker_choices": "meetings.get_meeting",
    "meeting_pages.record_points": "meeting_points.add_connection_point",
    "meeting_pages.record_chair": "meetings.assign_chair",
    "meeting_pages.record_open": "meetings.open_meeting",
    "meeting_pages.record_speech": "meeting_record.record_speech",
    "meeting_pages.record_notice": "meeting_record.publish_notice",
    "meeting_pages.record_close": "meetings.close_meeting",
    "carry_over_pages.review": "carry_over.review_open_tasks",
    "meeting_pages.record_connect": "meeting_points.connect_point",
    "meeting_pages.record_disconnect": "meeting_points.disconnect_point",
    "meeting_pages.point": "meeting_points.get_point",
    "meeting_pages.record_attendance": "meeting_points.record_attendance",
    "meeting_pages.speech": "meeting_record.get_speech",
    "meeting_pages.correct_speech": "meeting_record.correct_speech",
    "conclusion_pages.conclusion_draft": "conclusion_drafts.extract_conclusion",
    "conclusion_pages.conclusion_agency": "agencies.register_agency",
    "conclusion_pages.conclusion_confirm": "meeting_record.issue_conclusion",
    "task_pages.tracker": "assignments.list_assignments",
    "task_pages.task_page": "assignments.get_assignment",
    "task_pages.acknowledge": "assignments.acknowledge",
    "task_pages.progress": "assignments.report_progress",
    "task_pages.request_extension": "assignments.request_extension",
    "task_pages.complete": "assignments.complete",
    "task_pages.extend": "assignments.extend_deadline",
    "task_pages.reassign": "assignments.reassign",
    "task_pages.cancel": "assignments.cancel_assignment",
    "task_pages.supersede": "assignments.supersede",
}
POLICY.update({page: POLICY[api] for page, api in PAGE_OPERATIONS.items()})
