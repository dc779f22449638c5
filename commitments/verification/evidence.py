"""Evidence files of a verification: PDF or image only, size checked, images re-encoded
without their metadata (EXIF: camera, time, GPS position)."""

import hashlib
import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, UnidentifiedImageError

from .enums import EVIDENCE_MAX_BYTES

IMAGE_FORMATS = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png")}


@dataclass(frozen=True)
class CleanEvidence:
    name: str
    content: bytes
    content_type: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def _strip_image(data: bytes, name: str) -> tuple[bytes, str, str]:
    refusal = f"“{name}”不是可以打开的图片，请上传PDF或JPG、PNG图片。"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image_format = image.format
            if image_format not in IMAGE_FORMATS:
                raise ValidationError(refusal)
            image.load()
            # Keep the orientation the camera recorded, then drop every metadata block.
            image = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, Warning) as e:
        raise ValidationError(refusal) from e
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    clean = Image.new(image.mode, image.size)  # a new image carries no metadata
    clean.paste(image)
    out = io.BytesIO()
    if image_format == "JPEG":
        (clean if clean.mode == "L" else clean.convert("RGB")).save(out, "JPEG", quality=92)
    else:
        clean.save(out, "PNG")
    content_type, suffix = IMAGE_FORMATS[image_format]
    return out.getvalue(), content_type, suffix


def clean_evidence(upload) -> CleanEvidence:
    """The file as it will be stored, or a ValidationError with a Chinese message naming it."""
    name = (getattr(upload, "name", "") or "证据").rsplit("/", 1)[-1][:150]
    size = getattr(upload, "size", None)
    if size is not None and size > EVIDENCE_MAX_BYTES:
        raise ValidationError(f"“{name}”超过10MB，请压缩或分页后上传。")
    data = upload.read(EVIDENCE_MAX_BYTES + 1)
    if len(data) > EVIDENCE_MAX_BYTES:
        raise ValidationError(f"“{name}”超过10MB，请压缩或分页后上传。")
    if not data:
        raise ValidationError(f"“{name}”是空文件。")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if data.startswith(b"%PDF-"):
        return CleanEvidence(f"{stem}.pdf", data, "application/pdf")
    if data[:3] == b"\xff\xd8\xff" or data[:8] == b"\x89PNG\r\n\x1a\n":
        content, content_type, suffix = _strip_image(data, name)
        return CleanEvidence(f"{stem}{suffix}", content, content_type)
    raise ValidationError(f"“{name}”不是PDF或图片（JPG、PNG）文件，不能作为核查证据上传。")
