"""Roles of the product (PRODUCT.md), each mapped to Django groups."""

from django.db import models


class Role(models.TextChoices):
    EDITOR = "editor", "部门编辑"
    LEADER = "leader", "分管领导"
    REVIEWER = "reviewer", "司法局审核员"
    SUPERVISOR = "supervisor", "监管人员"
    ADMINISTRATOR = "administrator", "系统管理员"


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
}


def department_group_name(department_name: str, role: Role) -> str:
    return f"{department_name}·{Role(role).label}"
