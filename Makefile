# SafeSteps: every target creates and uses its own virtual environment in .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Headless by default for tests and screenshots; `make run` uses the real display.
HEADLESS := SDL_VIDEODRIVER=offscreen KIVY_NO_CONSOLELOG=1 KIVY_NO_FILELOG=1

.PHONY: run test bench lint check docs i18n catalogs fonts layout-audit reading-level screenshots monkey fuzz clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,dev]'
	touch $(STAMP)

run: catalogs
	$(PY) -m app

test: catalogs
	$(HEADLESS) $(PY) -m pytest

# Compile the translation catalogs the app reads (locales/*/LC_MESSAGES/messages.mo).
catalogs: $(STAMP)
	$(PY) -m app i18n-compile

# Rebuild assets/fonts/SafeStepsArabic-*.ttf from Debian's fonts-noto-core (see its README).
fonts: $(STAMP)
	$(PY) -m app.i18n.font_merge

# Extract every string (Python, .kv, lesson/check/helpline YAML by stable ID) into
# locales/messages.pot, then update each language's messages.po from it.
i18n: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg -k _ -k ngettext:1,2 -k plural:1,2 -k N_ \
		-c "Translators:" --sort-by-file --project SafeSteps --version 0.1.0 \
		--copyright-holder "SafeSteps" -o locales/messages.pot .
	$(PY) -m app i18n-update
	-$(PY) -m app i18n-status

bench: $(STAMP)
	$(HEADLESS) $(PY) tests/bench/startup.py

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

check: $(STAMP)
	$(PY) -m app check

# The curriculum map and every lesson plan in docs/, generated from assets/ (a test checks).
docs: $(STAMP)
	$(PY) -m app curriculum-map

reading-level: $(STAMP)
	$(PY) -m app reading-level

# Every screen in every shipped language and the pseudo-locale at three window sizes;
# fails on clipped text (the default `make test` runs a small part of this matrix).
layout-audit: catalogs
	$(HEADLESS) LAYOUT_AUDIT=full $(PY) -m pytest -q tests/ui/test_layout_audit.py

# Every screen and every activity type, phone and desktop size, en/de/ar, into out/screens/.
screenshots: $(STAMP)
	$(HEADLESS) $(PY) tests/bench/screenshots.py out/screens en de ar

# The long runs of the robustness tests (the default runs are part of `make test`).
monkey: $(STAMP)
	$(HEADLESS) MONKEY_EVENTS=100000 $(PY) -m pytest -q tests/ui/test_monkey.py

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long $(PY) -m pytest -q tests/core/test_fuzz_loader.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
