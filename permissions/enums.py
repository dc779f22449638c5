"""Roles of the product (PRODUCT.md), each mapped to Django groups."""

from django.db import models


class Role(models.TextChoices):
    EDITOR = "editor", "部门编辑"
    LEADER = "leader", "分管领导"
    REVIEWER = "reviewer", "司法局审核员"
    SUPERVISOR = "supervisor", "监管人员"
    ADMINISTRATOR = "administrator", "系统管理员"
    SECURITY_ADMIN = "security_admin", "安全管理员"
    AUDITOR = "auditor", "审计员"


# Roles granted per department (guardian object permission on the Department, via a group).
DEPARTMENT_ROLES = {
    Role.EDITOR: "catalog.edit_items",
    Role.LEADER: "catalog.lead_items",
}

# Global groups and the model permissions they carry.
GLOBAL_GROUP_NAMES = {
    Role.REVIEWER: "司法局审核员",
    Role.SUPERVISOR: "监管人员",
    Role.ADMINISTRATOR: "系统管理员",
    Role.SECURITY_ADMIN: "安全管理员",
    Role.AUDITOR: "审计员",
}

# The three administrators of 等保2.0 (system, security, audit): granted by a superuser only,
# never together, and never together with a business role (ADR 010).
ADMIN_ROLES = (Role.ADMINISTRATOR, Role.SECURITY_ADMIN, Role.AUDITOR)
# Business roles across all departments: requested by a superuser, approved by a second person.
GLOBAL_BUSINESS_ROLES = (Role.REVIEWER, Role.SUPERVISOR)


def department_group_name(department_name: str, role: Role) -> str:
    return f"{department_name}·{Role(role).label}"


class GrantStatus(models.TextChoices):
    PENDING = "pending", "待批准"
    APPROVED = "approved", "已批准"
    REJECTED = "rejected", "已驳回"
    CANCELLED = "cancelled", "已撤回"
