"""Password rules (等保2.0: length, complexity, no guessable passwords, periodic change).

Configured in ``AUTH_PASSWORD_VALIDATORS`` next to Django's length, numeric, common-password
and similarity validators. Every message is Chinese. ``PasswordLifecycleValidator`` also keeps
each account's ``PasswordState`` (Django calls ``password_changed`` on every change).
"""

import functools
import re

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from pypinyin import lazy_pinyin

from .services import password_state_record_change

# Every Mandarin syllable without tone (pypinyin's readings of the CJK block, interjections
# such as m, n, hm left out).
_PINYIN_SYLLABLES = """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can
    cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai
    chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de den deng
    di dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen
    feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui
    gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji
    jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken keng
    kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian
    liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ma mai man mang mao me mei
    men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian
    niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen
    peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu
    quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang
    sao se sen seng sha shai shan shang shao she shen sheng shi shou shu shua shuai shuan shuang
    shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie
    ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao
    xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan
    yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhen zheng zhi
    zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
"""
PINYIN_SYLLABLES = frozenset(_PINYIN_SYLLABLES.split())

# Words people build passwords from, after undoing the usual letter/digit swaps (p@ssw0rd).
_WEAK_WORDS = """
    password passwd passw pass admin administrator root super superuser manager system sysadmin
    user guest test demo welcome letmein iloveyou love qwerty qwert asdf zxcv abc abcd abcde
    abcdef china beijing
"""
WEAK_WORDS = frozenset(_WEAK_WORDS.split())

SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "!@#$%^&*()",
)
LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
SEPARATORS = re.compile(r"[\s._\-·]+")


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule with a Chinese message (Django's own catalog lacks this one)."""

    def get_error_message(self):
        return f"密码太短：至少需要 {self.min_length} 个字符。"

    def get_help_text(self):
        return f"密码至少 {self.min_length} 个字符。"


def _classes(password: str) -> int:
    return sum(
        (
            any(c.isascii() and c.islower() for c in password),
            any(c.isascii() and c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not (c.isascii() and c.isalnum()) for c in password),
        )
    )


class CharacterClassesValidator:
    """At least ``min_classes`` of: lower-case letters, capitals, digits, other characters."""

    def __init__(self, min_classes=3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        if _classes(password) < self.min_classes:
            raise ValidationError(
                f"密码必须包含小写字母、大写字母、数字、符号中的至少 {self.min_classes} 类。",
                code="password_too_simple",
            )

    def get_help_text(self):
        return f"密码必须包含小写字母、大写字母、数字、符号中的至少 {self.min_classes} 类。"


@functools.cache
def _min_syllables(letters: str) -> int | None:
    """Fewest pinyin syllables that spell ``letters`` exactly, or None."""
    if not letters:
        return 0
    best = None
    for end in range(1, min(6, len(letters)) + 1):
        if letters[:end] in PINYIN_SYLLABLES:
            rest = _min_syllables(letters[end:])
            if rest is not None and (best is None or rest + 1 < best):
                best = rest + 1
    return best


def _without_runs(text: str) -> str:
    """``text`` without its runs of 3 or more keyboard, alphabet or repeated characters."""
    kept, i = [], 0
    while i < len(text):
        j = i + 1
        while j < len(text) and (
            text[j] == text[j - 1]
            or any(text[j - 1] + text[j] in s or text[j] + text[j - 1] in s for s in SEQUENCES)
        ):
            j += 1
        if j - i < 3:
            kept.append(text[i:j])
        i = j
    return "".join(kept)


def _name_pinyins(user) -> set[str]:
    names = set()
    for attr in ("username", "first_name", "last_name"):
        value = (getattr(user, attr, "") or "").strip()
        if not value:
            continue
        spelled = "".join(lazy_pinyin(value)).lower()
        letters = re.sub(r"[^a-z]", "", spelled)
        if len(letters) >= 4:
            names.add(letters)
    return names


class ChineseWeakPasswordValidator:
    """Refuse what a guesser tries first in China: pinyin words and names with digits
    (zhangsan1, Woaini1314), keyboard and counting runs (a1234567890, 1qaz2wsx, Qwer1234!),
    common words with swapped letters (P@ssw0rd), and the user's own name in pinyin."""

    def validate(self, password, user=None):
        lowered = password.lower()
        core = SEPARATORS.sub("", lowered.strip("0123456789!@#$%^&*()_+-=.,;:?~`'\"/\\|[]{}<> "))
        if core and core.isascii() and core.isalpha():
            syllables = _min_syllables(core)
            if syllables is not None and syllables <= 4:
                raise ValidationError(
                    "密码不能由拼音（姓名、常用词）加数字或符号组成，例如 zhangsan1、Woaini1314。",
                    code="password_pinyin",
                )
        word = SEPARATORS.sub("", lowered.strip("0123456789!@#$%^&*()_+-=.,;:?~ ")).translate(LEET)
        if word in WEAK_WORDS:
            raise ValidationError(
                "密码不能由常见单词加数字或符号组成，例如 Password1、Admin@123。",
                code="password_common_word",
            )
        if len(_without_runs(lowered)) < 4:
            raise ValidationError(
                "密码不能主要由连续或重复的字符组成，例如 123456、abcdef、qwerty、1qaz2wsx。",
                code="password_sequence",
            )
        letters = re.sub(r"[^a-z]", "", lowered)
        if user is not None and any(name in letters for name in _name_pinyins(user)):
            raise ValidationError("密码不能包含本人用户名或姓名的拼音。", code="password_own_name")

    def get_help_text(self):
        return "不能使用拼音、常见单词、连续或重复的字符，也不能包含本人姓名的拼音。"


class PasswordLifecycleValidator:
    """A new password must differ from the current one; every change is recorded so that a
    password set by an administrator must be changed at the next login and, with
    ``PASSWORD_MAX_AGE_DAYS``, a password expires."""

    def validate(self, password, user=None):
        if user is not None and user.pk and check_password(password, user.password):
            raise ValidationError("新密码不能与当前密码相同。", code="password_unchanged")

    def password_changed(self, password, user=None):
        if user is not None and user.pk:
            password_state_record_change(user=user)

    def get_help_text(self):
        days = getattr(settings, "PASSWORD_MAX_AGE_DAYS", 0)
        expiry = f"密码有效期 {days} 天，到期须修改；" if days else ""
        return f"{expiry}管理员设置的密码须在首次登录时修改。"
