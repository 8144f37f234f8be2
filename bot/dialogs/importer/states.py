"""Import a CSV/XLSX file of prospects: preview, confirm, progress, report."""

from aiogram.fsm.state import State, StatesGroup


class ImportSG(StatesGroup):
    preview = State()
    running = State()
    done = State()


# start_data: the Telegram document to import
FILE_ID = "file_id"
FILE_NAME = "file_name"
FILE_SIZE = "file_size"
# dialog_data
SUMMARY = "summary"      # counts and preview lines of the plan
PROGRESS = "progress"    # "done/total" while importing
REPORT = "report"        # created / skipped rows / rejected lines
FETCH_KEY = "fetch_file"  # middleware data: async (bot, file_id) -> bytes


class W:
    """Widget ids (they are in the callback data, so renaming one breaks old buttons)."""

    GO = "go"                # import what the preview showed
