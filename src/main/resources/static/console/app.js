// The console: one page over the same /api/v1 every client uses, with the caller's token and the same rules.
import { texts, languages } from './texts.js';
import { api, download, planEvents, problemText } from './api.js';

const SESSION_KEY = 'talent.session';
const LANGUAGE_KEY = 'talent.language';

// The seed accounts a development sign-in offers; any other account name can be typed.
const SEED_ACCOUNTS = ['coordinator', 'agency-faku', 'agency-xinmin', 'agency-liaozhong', 'agency-kangping', 'hr-city',
  'hr-faku', 'admin', 'expert-0001', 'expert-0002', 'expert-0003'];

const EXPERT_NAMES = new Map();

// The role a person acts in when a token carries several: the most specific screen first.
const ROLE_ORDER = ['COUNTY_AGENCY', 'HR_BUREAU', 'COORDINATOR', 'ADMIN', 'EXPERT'];

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

function daysFromNow(days) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return isoDate(date);
}

function nextSaturday(weeksAhead) {
  const date = new Date();
  date.setDate(date.getDate() + ((6 - date.getDay() + 7) % 7) + 7 * weeksAhead);
  return isoDate(date);
}

function claimsOf(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(payload), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

function chosenLanguage() {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  if (languages.includes(stored)) {
    return stored;
  }
  return (navigator.language || '').toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

document.addEventListener('alpine:init', () => {
  window.Alpine.data('talentConsole', () => ({
    lang: chosenLanguage(),
    session: null,
    error: '',
    message: '',
    signInName: 'agency-faku',
    seedAccounts: SEED_ACCOUNTS,
    counties: [],
    skills: [],
    categories: ['PLANNING', 'INDUSTRY', 'ENCLAVE', 'TALENT'],
    priorities: ['LOW', 'NORMAL', 'HIGH', 'CRITICAL'],
    reasons: ['NOT_AVAILABLE', 'TOO_FAR', 'OUTSIDE_MY_FIELD', 'WORKLOAD', 'PERSONAL', 'OTHER'],
    staffRoles: ['COORDINATOR', 'COUNTY_AGENCY', 'HR_BUREAU', 'ADMIN'],
    // County agency
    draft: {},
    requests: [],
    chosen: null,
    roster: [],
    explanation: null,
    outcomes: ['SOLVED', 'PARTLY_SOLVED', 'NOT_SOLVED'],
    // Coordinator
    window: { from: daysFromNow(0), to: daysFromNow(60) },
    plan: null,
    planning: false,
    published: null,
    offers: [],
    board: null,
    boardStates: ['planned', 'OFFERED', 'ACCEPTED', 'DECLINED', 'empty'],
    seat: null,
    candidates: [],
    reassignReason: '',
    brokenRules: null,
    watching: null,
    weights: null,
    weightNames: ['outsidePairing', 'continuity', 'expertLoad', 'countyShortage', 'travel', 'overQualified', 'consecutive',
      'preferences', 'stability', 'sharedTravel', 'trackRecord'],
    // Reports
    reportKind: 'monthly',
    reportPeriod: new Date().toISOString().slice(0, 7),
    report: null,
    // Expert
    myOffers: [],
    upcoming: [],
    declineReasons: {},
    inbox: [],
    record: null,
    calendarUrl: '',
    availability: [],
    // HR bureau
    placements: [],
    ledger: null,
    ledgerMax: 0,
    organisations: [],
    // Admin
    staff: { username: '', roles: [], countyId: null, organisationIds: null, version: null },

    t(key, values) {
      const text = texts[this.lang][key] ?? texts['zh-CN'][key] ?? key;
      return values ? text.replace(/\{(\w+)\}/g, (all, name) => values[name] ?? all) : text;
    },

    async start() {
      document.documentElement.lang = this.lang;
      const stored = sessionStorage.getItem(SESSION_KEY);
      if (stored) {
        this.session = JSON.parse(stored);
        await this.enter();
      }
    },

    switchLanguage() {
      this.lang = this.lang === 'en' ? 'zh-CN' : 'en';
      localStorage.setItem(LANGUAGE_KEY, this.lang);
      document.documentElement.lang = this.lang;
      if (this.chosen) {
        this.loadExplanation(this.chosen);
      }
    },

    call(method, path, body, headers) {
      return api(this.session && this.session.token, this.lang, method, path, body, headers);
    },

    // Runs an action, showing what went wrong in the reader's language instead of failing silently.
    async attempt(action, done) {
      this.error = '';
      this.message = '';
      try {
        await action();
        if (done) {
          this.message = this.t(done);
        }
      } catch (failure) {
        this.error = problemText(failure, this.t.bind(this));
      }
    },

    async signIn() {
      await this.attempt(async () => {
        const issued = await api(null, this.lang, 'POST', '/dev/tokens', { username: this.signInName });
        const claims = claimsOf(issued.accessToken);
        const roles = claims.roles || [];
        this.session = {
          token: issued.accessToken,
          username: claims.sub,
          role: ROLE_ORDER.find(role => roles.includes(role)) || roles[0],
          countyId: claims.countyId || null,
        };
        sessionStorage.setItem(SESSION_KEY, JSON.stringify(this.session));
        await this.enter();
      });
    },

    signOut() {
      sessionStorage.removeItem(SESSION_KEY);
      this.session = null;
      this.error = '';
      this.message = '';
      this.chosen = null;
      this.plan = null;
      this.published = null;
    },

    // Loads what the signed-in role's screen shows first.
    async enter() {
      await this.attempt(async () => {
        const [counties, skills] = await Promise.all([this.call('GET', '/counties?size=100'), this.call('GET', '/skills?size=100')]);
        this.counties = counties.items;
        this.skills = skills.items;
        switch (this.session.role) {
          case 'COUNTY_AGENCY':
            this.resetDraft();
            return this.loadRequests();
          case 'COORDINATOR':
            return Promise.all([this.loadOffers(), this.loadWeights()]);
          case 'EXPERT':
            return this.loadMyAssignments();
          case 'HR_BUREAU':
            return Promise.all([this.loadPlacements(), this.loadLedger(), this.loadOrganisations()]);
          default:
            return undefined;
        }
      });
    },

    countyName(id) {
      const county = this.counties.find(candidate => candidate.id === id);
      return county ? (this.lang === 'en' ? county.nameEn : county.nameZh) : id;
    },

    skillName(skill) {
      return (this.lang === 'en' ? skill.nameEn : skill.nameZh) || skill.id;
    },

    skillLabel(id) {
      const skill = this.skills.find(candidate => candidate.id === id);
      return skill ? this.skillName(skill) : id;
    },

    when(instant) {
      return new Date(instant).toLocaleString(this.lang, { dateStyle: 'medium', timeStyle: 'short' });
    },

    // County agency

    resetDraft() {
      this.draft = {
        title: '', description: '', category: 'INDUSTRY', subCategory: '', skill: this.skills.length ? this.skills[0].id : '',
        minLevel: 3, count: 1, date: nextSaturday(2), duration: 'ONE_DAY', priority: 'NORMAL', address: '',
      };
    },

    async loadRequests() {
      const page = await this.call('GET', '/requests?size=100');
      this.requests = page.items;
    },

    // Loads a draft or open request into the form; saving it then replaces it (PUT) under its version.
    editRequest(request) {
      const seat = request.seats[0];
      this.draft = {
        id: request.id, version: request.version, title: request.title, description: request.description,
        category: request.category, subCategory: request.subCategory, skill: seat.skill, minLevel: seat.minLevel,
        count: seat.count, date: request.acceptableDates[0], duration: request.duration, priority: request.priority,
        address: request.location.address, location: request.location, otherSeats: request.seats.slice(1),
        otherDates: request.acceptableDates.slice(1),
      };
    },

    async saveRequest() {
      await this.attempt(async () => {
        const county = this.counties.find(candidate => candidate.id === this.session.countyId);
        const site = this.draft.location || (county ? county.location : { lat: 0, lon: 0 });
        const body = {
          title: this.draft.title,
          description: this.draft.description,
          category: this.draft.category,
          subCategory: this.draft.subCategory,
          // The form edits the first seat and date; others the request already had are kept as they were.
          seats: [{ skill: this.draft.skill, minLevel: this.draft.minLevel, count: this.draft.count }, ...(this.draft.otherSeats || [])],
          acceptableDates: [this.draft.date, ...(this.draft.otherDates || []).filter(date => date !== this.draft.date)],
          duration: this.draft.duration,
          priority: this.draft.priority,
          location: { lat: site.lat, lon: site.lon, address: this.draft.address },
        };
        if (this.draft.id) {
          await this.call('PUT', `/requests/${encodeURIComponent(this.draft.id)}`, { ...body, version: this.draft.version });
        } else {
          await this.call('POST', '/requests', body);
        }
        this.resetDraft();
        await this.loadRequests();
      }, 'agency.saved');
    },

    async openRequest(request) {
      await this.attempt(async () => {
        await this.call('POST', `/requests/${encodeURIComponent(request.id)}/open`);
        await this.loadRequests();
      }, 'agency.opened');
    },

    async cancelRequest(request) {
      const reason = window.prompt(this.t('agency.cancelReason'));
      if (!reason) {
        return;
      }
      await this.attempt(async () => {
        await this.call('POST', `/requests/${encodeURIComponent(request.id)}/cancel`, { reason });
        await this.loadRequests();
      }, 'agency.cancelled');
    },

    async showRequest(request) {
      await this.attempt(async () => {
        this.chosen = request;
        const page = await this.call('GET', `/assignments?requestId=${encodeURIComponent(request.id)}&size=100`);
        this.roster = page.items;
        await this.loadExplanation(request);
      });
    },

    async rate(visit, form) {
      await this.attempt(async () => {
        await this.call('POST', `/assignments/${encodeURIComponent(visit.id)}/feedback`,
          { rating: Number(form.elements.rating.value), outcome: form.elements.outcome.value });
        await this.showRequest(this.chosen);
      }, 'rating.saved');
    },

    async loadExplanation(request) {
      this.explanation = ['DRAFT', 'CANCELLED'].includes(request.status) ? null
        : await this.call('GET', `/requests/${encodeURIComponent(request.id)}/explanation?lang=${this.lang}`);
    },

    // Coordinator

    progressPercent() {
      if (!this.plan || !this.plan.seats) {
        return this.plan && this.plan.status === 'SOLVED' ? 100 : 0;
      }
      return Math.round(100 * this.plan.filled / this.plan.seats);
    },

    async startPlan() {
      await this.attempt(async () => {
        this.published = null;
        this.planning = true;
        try {
          const started = await this.call('POST', '/plans', { from: this.window.from, to: this.window.to });
          this.plan = { id: started.id, status: started.status, score: started.score, seats: 0, filled: 0 };
          await planEvents(this.session.token, started.id, progress => {
            this.plan = { id: progress.planId, status: progress.status, score: progress.score, seats: progress.seats, filled: progress.filled };
          });
          if (['SOLVED', 'STOPPED'].includes(this.plan.status)) {
            await this.loadBoard();
          }
        } finally {
          this.planning = false;
        }
      });
    },

    async publishPlan() {
      await this.attempt(async () => {
        this.published = await this.call('POST', `/plans/${encodeURIComponent(this.plan.id)}/publish`);
        await this.loadOffers();
        await this.loadBoard();
        this.watchOffers();
      });
    },

    // The plan as a board: counties down, dates across, each seat position coloured by where it stands. Once
    // published, each position shows its offer's answer.
    async loadBoard() {
      const analysis = await this.call('GET', `/plans/${encodeURIComponent(this.plan.id)}/analysis`);
      const answers = this.published ? await this.publishedAnswers() : new Map();
      const experts = [...new Set(analysis.assignments.map(proposal => proposal.expertId).filter(Boolean))];
      const names = new Map(await Promise.all(experts.map(async id => [id, await this.expertName(id)])));
      const cells = {};
      const dates = new Set();
      const counties = new Set();
      for (const proposal of analysis.assignments) {
        const date = proposal.date || '';
        const assignment = answers.get(`${proposal.requestId}#${proposal.seat}.${proposal.position}`) || null;
        const expert = proposal.expertId ? names.get(proposal.expertId) : null;
        const state = assignment ? assignment.status : proposal.expertId ? 'planned' : 'empty';
        dates.add(date);
        counties.add(proposal.countyId);
        (cells[`${proposal.countyId}|${date}`] ||= []).push({ ...proposal, state, assignment,
          expertName: assignment && assignment.expert ? assignment.expert.displayName : expert });
      }
      this.board = { cells, dates: [...dates].sort((a, b) => (a || '9').localeCompare(b || '9')), counties: [...counties].sort() };
    },

    // The offers of the published plan's window, by seat position; a seat given by hand shows its newest offer.
    async publishedAnswers() {
      const answers = new Map();
      for (const status of ['OFFERED', 'ACCEPTED', 'DECLINED']) {
        const page = await this.call('GET', `/assignments?status=${status}&size=100`);
        page.items.filter(item => item.date >= this.window.from && item.date <= this.window.to)
          .forEach(item => answers.set(`${item.requestId}#${item.seat}.${item.position}`, item));
      }
      return answers;
    },

    // The names the board shows, asked once per expert while the page is open.
    expertName(expertId) {
      if (!EXPERT_NAMES.has(expertId)) {
        EXPERT_NAMES.set(expertId, this.call('GET', `/experts/${encodeURIComponent(expertId)}`)
          .then(expert => expert.displayName, () => expertId));
      }
      return EXPERT_NAMES.get(expertId);
    },

    // Answers come back while the office watches: the board and the waiting offers refresh every 15 seconds.
    watchOffers() {
      clearInterval(this.watching);
      this.watching = setInterval(() => {
        if (!this.session || this.session.role !== 'COORDINATOR') {
          clearInterval(this.watching);
          return;
        }
        Promise.all([this.loadOffers(), this.loadBoard()]).catch(() => {});
      }, 15000);
    },

    // Called from inside the board's loop: the loop's names shadow the component's, so the loop says "position".
    async openSeat(position) {
      await this.attempt(async () => {
        this.brokenRules = null;
        this.reassignReason = '';
        const [candidates, explanation] = await Promise.all([
          this.call('GET', `/requests/${encodeURIComponent(position.requestId)}/seats/${position.seat}/candidates?size=10`),
          position.expertId ? null : this.call('GET', `/requests/${encodeURIComponent(position.requestId)}/explanation?lang=${this.lang}`)]);
        const explained = explanation && explanation.seats.find(candidate => candidate.seat === position.seat);
        const why = explained && explained.whyUnfilled ? explained.whyUnfilled.text : null;
        this.seat = { ...position, why };
        this.candidates = candidates.items;
      });
    },

    // A hand override. A rule it would break comes back as 409 rule-broken; the office may then insist.
    async reassign(candidate, override) {
      this.error = '';
      this.message = '';
      try {
        await this.call('POST', `/assignments/${encodeURIComponent(this.seat.assignment.id)}/reassign`,
          { expertId: candidate.expertId, reason: this.reassignReason || this.t('candidates.defaultReason'), override });
        this.brokenRules = null;
        this.seat = null;
        this.message = this.t('candidates.reassigned');
        await Promise.all([this.loadOffers(), this.loadBoard()]);
      } catch (failure) {
        const problem = failure.problem || {};
        if (failure.status === 409 && (problem.type || '').endsWith('rule-broken')) {
          this.brokenRules = { candidate, overridable: problem.overridable,
            text: this.t('candidates.breaks', { rules: (problem.rules || []).join('、') }) };
        } else {
          this.error = problemText(failure, this.t.bind(this));
        }
      }
    },

    async loadWeights() {
      this.weights = await this.call('GET', '/admin/constraint-weights');
    },

    // Plans started afterwards use the new weights; the version guards against another coordinator's change.
    async saveWeights() {
      await this.attempt(async () => {
        this.weights = await this.call('PUT', '/admin/constraint-weights',
          { weights: this.weights.weights, version: this.weights.version });
      }, 'weights.saved');
    },

    async loadOffers() {
      const page = await this.call('GET', '/assignments?status=OFFERED&size=100');
      this.offers = page.items;
    },

    // Reports

    defaultPeriod(kind) {
      const now = new Date();
      if (kind === 'annual') {
        return String(now.getFullYear());
      }
      return kind === 'quarterly' ? `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}` : now.toISOString().slice(0, 7);
    },

    reportPath(format) {
      const parameter = { monthly: 'month', quarterly: 'quarter', annual: 'year' }[this.reportKind];
      return `/reports/${this.reportKind}?${parameter}=${encodeURIComponent(this.reportPeriod)}&format=${format}&lang=${this.lang}`;
    },

    async loadReport() {
      await this.attempt(async () => {
        this.report = await this.call('GET', this.reportPath('json'));
      });
    },

    // The CSV as the API writes it, saved under the report's name.
    async downloadReport() {
      await this.attempt(async () => {
        const csv = await download(this.session.token, this.lang, this.reportPath('csv'));
        const link = document.createElement('a');
        link.href = URL.createObjectURL(csv);
        link.download = `${this.reportKind}-${this.reportPeriod}.csv`;
        link.click();
        URL.revokeObjectURL(link.href);
      });
    },

    percent(rate) {
      return rate === null || rate === undefined ? 0 : Math.round(100 * Math.min(1, Math.max(0, rate)));
    },

    percentText(rate) {
      return rate === null || rate === undefined ? '—' : `${Math.round(100 * rate)}%`;
    },

    share(part, whole) {
      return whole ? Math.round(100 * part / whole) : 0;
    },

    number(value) {
      return value === null || value === undefined ? '—' : Number(value).toFixed(2);
    },

    // Expert

    today() {
      return isoDate(new Date());
    },

    async loadMyAssignments() {
      const [offered, upcoming, inbox, record, availability] = await Promise.all([
        this.call('GET', '/assignments/me?stage=OFFERED&size=50'), this.call('GET', '/assignments/me?stage=UPCOMING&size=50'),
        this.call('GET', '/me/inbox?size=10'), this.call('GET', '/experts/me/record'), this.call('GET', '/experts/me/availability')]);
      this.availability = availability.dates;
      // Each offer read on its own carries why the plan chose this expert, in their language.
      this.myOffers = await Promise.all(offered.items.map(offer => this.call('GET', `/assignments/${encodeURIComponent(offer.id)}`)));
      this.upcoming = upcoming.items;
      this.inbox = inbox.items;
      this.record = record;
      offered.items.forEach(offer => {
        this.declineReasons[offer.id] = this.declineReasons[offer.id] || 'NOT_AVAILABLE';
      });
    },

    async accept(offer) {
      await this.attempt(async () => {
        // The same key on a retry after a lost answer: the server answers the first outcome again.
        offer.idempotencyKey = offer.idempotencyKey || crypto.randomUUID();
        await this.call('POST', `/assignments/${encodeURIComponent(offer.id)}/accept`, undefined, { 'Idempotency-Key': offer.idempotencyKey });
        await this.loadMyAssignments();
      }, 'expert.accepted');
    },

    async decline(offer) {
      await this.attempt(async () => {
        offer.idempotencyKey = offer.idempotencyKey || crypto.randomUUID();
        await this.call('POST', `/assignments/${encodeURIComponent(offer.id)}/decline`, { reason: this.declineReasons[offer.id] },
          { 'Idempotency-Key': offer.idempotencyKey });
        await this.loadMyAssignments();
      }, 'expert.declined');
    },

    // The Saturdays and Sundays of the next twelve weeks, as the calendar shows them.
    weekendDays() {
      const days = [];
      for (let week = 0; week < 12; week++) {
        const saturday = nextSaturday(week);
        const sunday = new Date(`${saturday}T00:00:00Z`);
        sunday.setUTCDate(sunday.getUTCDate() + 1);
        days.push(saturday, isoDate(sunday));
      }
      return days.filter(day => day >= this.today());
    },

    dayLabel(day) {
      return new Date(`${day}T00:00:00Z`).toLocaleDateString(this.lang, { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' });
    },

    // One day at a time: PATCH adds or removes it without replacing the rest, so two phones cannot undo each other.
    async toggleDay(day) {
      await this.attempt(async () => {
        const offered = this.availability.includes(day);
        const changed = await this.call('PATCH', '/experts/me/availability', offered ? { removeDates: [day] } : { addDates: [day] });
        this.availability = changed.dates;
      });
    },

    async checkIn(visit) {
      await this.attempt(async () => {
        await this.call('POST', `/assignments/${encodeURIComponent(visit.id)}/check-in`);
        await this.loadMyAssignments();
      }, 'expert.checkedIn');
    },

    async markAllRead() {
      await this.attempt(async () => {
        await this.call('POST', '/me/inbox/read');
        await this.loadMyAssignments();
      });
    },

    // The calendar app subscribes to this link; it carries its own secret, since the app cannot send a token.
    async calendarLink() {
      await this.attempt(async () => {
        this.calendarUrl = (await this.call('POST', '/experts/me/calendar-feed')).url;
      });
    },

    // HR bureau

    async loadPlacements() {
      const page = await this.call('GET', '/secondments/placements?size=100');
      this.placements = page.items;
    },

    async loadOrganisations() {
      const page = await this.call('GET', '/secondments/organisations?size=100');
      this.organisations = page.items;
    },

    organisationName(id) {
      const organisation = this.organisations.find(candidate => candidate.id === id);
      return organisation ? (this.lang === 'en' ? organisation.nameEn : organisation.nameZh) : id;
    },

    // Cadre-months both ways per pairing over this year, on one scale.
    async loadLedger() {
      const year = new Date().getFullYear();
      this.ledger = await this.call('GET', `/secondments/ledger?from=${year}-01-01&to=${year}-12-31`);
      this.ledgerMax = Math.max(0, ...this.ledger.pairings.flatMap(pairing => [pairing.cityToCounty.total, pairing.countyToCity.total]));
    },

    async approve(placement, side) {
      await this.attempt(async () => {
        await this.call('POST', `/secondments/placements/${encodeURIComponent(placement.id)}/approve`, { side });
        await Promise.all([this.loadPlacements(), this.loadLedger()]);
      }, 'hr.approved');
    },

    // Admin

    async loadStaff() {
      await this.attempt(async () => {
        const found = await this.call('GET', `/admin/users/${encodeURIComponent(this.staff.username)}/roles`);
        this.staff = { username: this.staff.username, roles: found.roles, countyId: found.countyId,
          organisationIds: found.organisationIds, version: found.version };
      });
    },

    async saveRoles() {
      await this.attempt(async () => {
        const saved = await this.call('PUT', `/admin/users/${encodeURIComponent(this.staff.username)}/roles`, {
          roles: this.staff.roles,
          countyId: this.staff.roles.includes('COUNTY_AGENCY') ? this.staff.countyId : null,
          organisationIds: this.staff.roles.includes('HR_BUREAU') ? this.staff.organisationIds : null,
          version: this.staff.version,
        });
        this.staff.version = saved.version;
      }, 'admin.saved');
    },
  }));
});
