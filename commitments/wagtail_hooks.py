"""Admin registration only: cases, signed letters and the working-day calendar (URLs and names kept
from when they lived in ``publishing``)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .assistance import views as assistance_views
from .cases import views as case_views
from .dashboard.panels import CaseworkPanel, OverdueByDepartmentPanel
from .false_commitments import views as false_views
from .letters import views as letter_views
from .sampling import views as sampling_views
from .verification import views as verification_views
from .workdays import views as workday_views


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("letters/", letter_views.letter_list, name="letters_admin"),
        path("letters/register/", letter_views.letter_register_view, name="letter_register"),
        path("letters/<int:pk>/", letter_views.letter_detail, name="letter_admin_detail"),
        path(
            "letters/<int:pk>/withdraw/",
            letter_views.letter_withdraw_view,
            name="letter_admin_withdraw",
        ),
        path(
            "letters/<int:pk>/form-sent/",
            letter_views.letter_form_sent_view,
            name="letter_admin_form_sent",
        ),
        path("cases/", case_views.case_list, name="cases_admin"),
        path("cases/open/", case_views.case_open_view, name="case_open"),
        path("cases/choices/", case_views.choice_tally, name="case_choices"),
        path("cases/deadlines/", case_views.return_deadline_view, name="case_deadlines"),
        path("cases/<int:pk>/", case_views.case_detail, name="case_admin_detail"),
        path(
            "cases/<int:pk>/form.<str:extension>",
            case_views.case_letter_form,
            name="case_letter_form",
        ),
        path("cases/<int:pk>/<slug:action>/", case_views.case_action, name="case_admin_action"),
        path("verification/", verification_views.task_list, name="verification_list"),
        path("verification/<int:pk>/", verification_views.task_detail, name="verification_detail"),
        path(
            "verification/<int:pk>/assign/",
            verification_views.task_assign,
            name="verification_assign",
        ),
        path(
            "verification/<int:pk>/record/",
            verification_views.task_record,
            name="verification_record",
        ),
        path(
            "verification/evidence/<int:pk>/",
            verification_views.evidence_download,
            name="verification_evidence",
        ),
        path("false-commitments/", false_views.case_list, name="false_commitments_admin"),
        path(
            "false-commitments/open/<int:result_pk>/",
            false_views.case_open,
            name="false_commitment_open",
        ),
        path(
            "false-commitments/<int:pk>/", false_views.case_detail, name="false_commitment_detail"
        ),
        path(
            "false-commitments/<int:pk>/<slug:action>/",
            false_views.case_action,
            name="false_commitment_action",
        ),
        path("assistance/", assistance_views.request_list, name="assistance_list"),
        path(
            "assistance/new/<int:task_pk>/",
            assistance_views.request_new,
            name="assistance_new",
        ),
        path("assistance/<int:pk>/", assistance_views.request_detail, name="assistance_detail"),
        path("sampling/", sampling_views.run_list, name="sampling_list"),
        path("sampling/new/", sampling_views.run_new, name="sampling_new"),
        path("sampling/inspectors/", sampling_views.inspector_list, name="sampling_inspectors"),
        path("sampling/<int:pk>/", sampling_views.run_detail, name="sampling_detail"),
        path("workdays/", workday_views.holiday_years, name="holiday_years"),
        path("workdays/add/", workday_views.holiday_year_edit, name="holiday_year_add"),
        path("workdays/<int:year>/", workday_views.holiday_year_edit, name="holiday_year_edit"),
    ]


class LettersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("commitments.view_commitmentletter")


@hooks.register("register_admin_menu_item")
def letters_menu_item():
    return LettersMenuItem(
        "承诺书登记", reverse("letters_admin"), icon_name="doc-full-inverse", order=160
    )


@hooks.register("register_admin_menu_item")
def cases_menu_item():
    return LettersMenuItem("办件", reverse("cases_admin"), icon_name="tasks", order=155)


@hooks.register("register_admin_menu_item")
def verification_menu_item():
    return LettersMenuItem("核查任务", reverse("verification_list"), icon_name="search", order=165)


@hooks.register("register_admin_menu_item")
def false_commitments_menu_item():
    return LettersMenuItem(
        "不实承诺案件", reverse("false_commitments_admin"), icon_name="warning", order=166
    )


@hooks.register("register_admin_menu_item")
def assistance_menu_item():
    return LettersMenuItem("协助核查", reverse("assistance_list"), icon_name="group", order=167)


@hooks.register("register_admin_menu_item")
def sampling_menu_item():
    return LettersMenuItem(
        "双随机抽查", reverse("sampling_list"), icon_name="crosshairs", order=168
    )


class HolidaysMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.has_perm("commitments.view_holidayyear") or user.has_perm(
            "commitments.add_holidayyear"
        )


@hooks.register("register_settings_menu_item")
def holidays_menu_item():
    return HolidaysMenuItem("节假日安排", reverse("holiday_years"), icon_name="date", order=600)


@hooks.register("construct_homepage_panels")
def add_casework_panels(request, panels):
    panels.extend([CaseworkPanel(request), OverdueByDepartmentPanel(request)])
