#!/usr/bin/env bash
# A tour of the API, from the seed data, as each role uses it. Start the server (./mvnw spring-boot:run),
# then run:   bash docs/tour.sh        (or BASE=https://talent.example.cn bash docs/tour.sh)
#
# Every id comes from an earlier answer; the tour waits for what happens in the background (a plan, the
# matcher, a notification). It stops at the first answer it did not expect. It needs bash, curl and GNU date.
# Each call prints "METHOD path -> status" and the start of the answer.
set -euo pipefail

BASE=${BASE:-http://localhost:8080}
API=$BASE/api/v1
answer=$(mktemp)
trap 'rm -f "$answer"' EXIT

# call [--expect STATUSES] METHOD PATH TOKEN [curl options...]: the answer on stdout; a status other than
# 2xx (or one of those expected, e.g. '202|409') ends the tour.
call() {
  local expect=2
  if [[ $1 == --expect ]]; then expect=$2; shift 2; fi
  local method=$1 path=$2 token=$3 status
  shift 3
  local auth=()
  [[ -n $token ]] && auth=(-H "Authorization: Bearer $token")
  status=$(curl -sS -o "$answer" -w '%{http_code}' -X "$method" "${auth[@]}" "$@" "$API$path")
  printf '%s %s -> %s  %.160s\n' "$method" "$path" "$status" "$(tr -d '\n' < "$answer")" >&2
  if [[ ! $status =~ ^($expect) ]]; then
    echo "The tour stops: $method $path answered $status" >&2
    exit 1
  fi
  cat "$answer"
}
# show: a call whose answer is only looked at.
show() { call "$@" > /dev/null; }
# field NAME: the first "NAME":"value" in the JSON on stdin (ids come first in every object of this API).
field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4 || true; }
# number NAME: the first "NAME":number in the JSON on stdin.
number() { grep -o "\"$1\":[0-9]*" | head -1 | cut -d: -f2 || true; }
json=(-H 'Content-Type: application/json')

# On the embedded default there are no passwords: POST /dev/tokens signs a token for any seed account.
token() { call POST /dev/tokens "" "${json[@]}" -d "{\"username\": \"$1\"}" | field accessToken; }
COORD=$(token coordinator)
FAKU=$(token agency-faku)
ADMIN=$(token admin)
SATURDAY=$(date -d 'next saturday' +%F)

echo "== Geography and the skill taxonomy"
show GET /pairings "$COORD"
show GET '/skills?category=ENCLAVE&size=5' "$COORD"

echo "== Coordinators search experts by skill, level, organisation and a free weekend day"
show GET '/experts?skill=general-aviation&minLevel=4' "$COORD"
show GET "/experts?organisationId=heping&availableOn=$SATURDAY" "$COORD"

echo "== An expert keeps their weekends: PUT replaces both lists, PATCH adds or removes single dates"
EXPERT=$(token expert-0001)
VERSION=$(call GET /experts/me/availability "$EXPERT" | number version)
show PUT /experts/me/availability "$EXPERT" "${json[@]}" -H "If-Match: \"$VERSION\"" \
  -d "{\"dates\": [\"$SATURDAY\", \"$(date -d "$SATURDAY + 1 day" +%F)\"], \"blackoutDates\": []}"
show PATCH /experts/me/availability "$EXPERT" "${json[@]}" \
  -d "{\"addDates\": [\"$(date -d "$SATURDAY + 14 days" +%F)\"], \"removeDates\": [\"$(date -d "$SATURDAY + 1 day" +%F)\"]}"

echo "== Faku's agency posts a problem (a draft), then opens it for planning"
REQUEST=$(call POST /requests "$FAKU" "${json[@]}" -d '{
  "title": "通用航空产业链招商图谱", "description": "梳理通用航空上下游，形成招商图谱。",
  "category": "INDUSTRY", "subCategory": "investment",
  "seats": [{"skill": "general-aviation", "minLevel": 3, "count": 2}],
  "acceptableDates": ["'"$(date -d "$SATURDAY + 7 days" +%F)"'"],
  "duration": "ONE_DAY", "priority": "HIGH",
  "location": {"lat": 42.50, "lon": 123.41, "address": "法库县经济开发区管委会"}}' | field id)
show POST "/requests/$REQUEST/open" "$FAKU"

echo "== Experts browse open requests, without the agency's internal notes and contacts"
show GET '/requests?size=5' "$EXPERT"

echo "== Coordinators plan a window: 202 at once, the solver works in the background"
# The progress stream of a plan ends with an "end" event when the plan is done.
follow() { curl -sSN --max-time 600 "$API/plans/$1/events" -H "Authorization: Bearer $COORD" | grep '^event:' | uniq -c; }
# One plan at a time over a window: when a replan of given-back seats runs, wait for it (409 window-busy).
for attempt in 1 2 3; do
  STARTED=$(call --expect '202|409' POST /plans "$COORD" "${json[@]}" \
    -d "{\"from\": \"$(date +%F)\", \"to\": \"$(date -d '+60 days' +%F)\"}")
  BUSY=$(field runningPlanId <<< "$STARTED")
  [[ -z $BUSY ]] && break
  follow "$BUSY"
done
PLAN=$(field id <<< "$STARTED")
[[ -n $PLAN ]] || { echo "The tour stops: the window stayed busy" >&2; exit 1; }
follow "$PLAN"
show GET "/plans/$PLAN" "$COORD"            # status, score, counts
show GET "/plans/$PLAN/analysis" "$COORD"   # the score per rule and per seat
show POST "/plans/$PLAN/publish" "$COORD"   # the offers go out; publishing again creates none
show POST "/plans/$PLAN/publish" "$COORD"

echo "== The agency reads why its request is filled as it is (zh-CN by default, or ?lang=en)"
show GET "/requests/$REQUEST/explanation?lang=en" "$FAKU"
echo "== ... and a coordinator sees who else could take a seat, ranked by what it would do to the score"
show GET "/requests/$REQUEST/seats/0/candidates?size=5" "$COORD"

echo "== An expert with an offer answers it on the phone"
OFFERS=$(call GET '/assignments?status=OFFERED&size=3' "$COORD")
OFFER=$(field id <<< "$OFFERS")
OFFERED_TO=$(call GET "/experts/$(field expertId <<< "$OFFERS")" "$COORD" | field username)
PHONE=$(token "$OFFERED_TO")
show GET '/assignments/me?stage=OFFERED' "$PHONE"
# A retried tap with the same Idempotency-Key gets the first answer again (Idempotent-Replayed: true).
KEY=$(date +%s%N)-tour-accept
show POST "/assignments/$OFFER/accept" "$PHONE" -H "Idempotency-Key: $KEY"
show POST "/assignments/$OFFER/accept" "$PHONE" -H "Idempotency-Key: $KEY"
# The push, and its inbox entry, carry the assignment's id as subjectId: the phone opens the assignment.
for attempt in $(seq 1 30); do
  ENTRY=$(call GET '/me/inbox?size=1' "$PHONE" | field id)
  [[ -n $ENTRY ]] && break
  sleep 1
done
show GET "/me/inbox/$ENTRY" "$PHONE"
show GET "/assignments/$OFFER" "$PHONE"
show POST "/me/inbox/$ENTRY/read" "$PHONE"
show POST /me/inbox/read "$PHONE"           # everything read
show GET /experts/me/calendar.ics "$PHONE"  # accepted visits, as iCalendar
show GET /experts/me/record "$PHONE"        # weekends given, hours, ratings
# A calendar app subscribes to a secret link: it sends no token.
FEED=$(call POST /experts/me/calendar-feed "$PHONE" | field url)
curl -sS --fail "$FEED" | head -3
show POST /experts/me/devices "$PHONE" "${json[@]}" -d '{"token": "tour-fcm-registration-token", "platform": "ANDROID"}'
# On the day of the visit the expert checks in, and afterwards completes it; the agency then rates it:
#   POST /assignments/{id}/check-in, POST /assignments/{id}/complete {"hours": 6},
#   POST /assignments/{id}/feedback {"rating": 5, "outcome": "SOLVED", "comment": "思路清晰"}
# (the tour cannot wait for the visit's date).

echo "== The county agency sees who is coming, with the phone number once the expert accepted"
OFFER_ANSWER=$(call GET "/assignments/$OFFER" "$COORD")
AGENCY=$(token "agency-$(field countyId <<< "$OFFER_ANSWER")")
show GET "/assignments?requestId=$(field requestId <<< "$OFFER_ANSWER")" "$AGENCY"

echo "== Another expert declines, with a reason; the planner will not offer them that request again"
SECOND=$(grep -o '"id":"[^"]*","planId"' <<< "$OFFERS" | sed -n 2p | cut -d'"' -f4 || true)
if [[ -n $SECOND && $SECOND != "$OFFER" ]]; then
  SECOND_TO=$(call GET "/experts/$(call GET "/assignments/$SECOND" "$COORD" | field expertId)" "$COORD" | field username)
  show POST "/assignments/$SECOND/decline" "$(token "$SECOND_TO")" "${json[@]}" \
    -d '{"reason": "NOT_AVAILABLE", "note": "家中有事"}'
fi

echo "== A coordinator overrides the planner for one seat, with the reason kept"
# The hard rules still judge it: one person never holds two seats of a visit or is in two places a day
# (409 rule-broken); any other rule only gives way to "override": true, and the offer's history says which.
SEAT=$(call GET "/assignments/$OFFER" "$COORD" | number seat)
REQUEST_OF_OFFER=$(field requestId <<< "$OFFER_ANSWER")
HOLDER=$(field expertId <<< "$OFFER_ANSWER")
OTHER=$(call GET "/requests/$REQUEST_OF_OFFER/seats/$SEAT/candidates?size=10" "$COORD" \
  | grep -o '"expertId":"[^"]*"' | cut -d'"' -f4 | grep -vx "$HOLDER" | head -1 || true)
if [[ -n $OTHER ]]; then
  show POST "/assignments/$OFFER/reassign" "$COORD" "${json[@]}" \
    -d "{\"expertId\": \"$OTHER\", \"reason\": \"县里点名请这位专家\", \"override\": true}"
fi

echo "== Mutual secondments (双挂): HR bureaus post, nominate, and approve from both sides"
HRC=$(token hr-city)
HRF=$(token hr-faku)
show GET /secondments/organisations "$HRC"
POST_ID=$(call POST /secondments/posts "$HRF" "${json[@]}" -d '{
  "hostOrganisationId": "faku-drc", "role": "发改局副局长（挂职）", "positions": 1, "direction": "CITY_TO_COUNTY",
  "requiredSkills": [{"skill": "industrial-planning", "minLevel": 3}],
  "period": {"start": "'"$(date -d '+1 month' +%F)"'", "end": "'"$(date -d '+7 months' +%F)"'"}}' | field id)
CANDIDATE=$(call POST /secondments/candidates "$HRC" "${json[@]}" -d '{
  "name": "林书航", "homeOrganisationId": "huanggu-drc", "skills": [{"skill": "industrial-planning", "level": 4}],
  "availability": [{"start": "'"$(date +%F)"'", "end": "'"$(date -d '+1 year' +%F)"'"}]}' | field id)
PLACEMENT=$(call POST /secondments/placements "$HRC" "${json[@]}" \
  -d "{\"postId\": \"$POST_ID\", \"candidateId\": \"$CANDIDATE\"}" | field id)      # NOMINATED
show POST "/secondments/placements/$PLACEMENT/approve" "$HRC" "${json[@]}" -d '{"side": "HOME"}'   # still NOMINATED
show POST "/secondments/placements/$PLACEMENT/approve" "$HRF" "${json[@]}" -d '{"side": "HOST"}'   # APPROVED
echo "== ... or the matcher proposes placements for all open posts; publish them once it has finished"
MATCH=$(call POST /secondments/plans "$COORD" | field id)
curl -sSN --max-time 600 "$API/secondments/plans/$MATCH/events" -H "Authorization: Bearer $COORD" \
  | grep '^event:' | uniq -c
show POST "/secondments/plans/$MATCH/publish" "$COORD"
echo "== The reciprocity ledger: cadre-months per pairing, city to county and back"
show GET "/secondments/ledger?from=$(date +%Y)-01-01&to=$(date +%Y)-12-31" "$HRF"

echo "== The cadence reports (旬调度、月总结、季拉练、年评比): JSON, or CSV headed in the reader's language"
show GET "/reports/dispatch?from=$(date +%F)" "$COORD"
show GET "/reports/monthly?month=$(date +%Y-%m)" "$FAKU"      # its own county only
show GET "/reports/quarterly?quarter=$(date +%Y)-Q$(( ($(date +%-m) - 1) / 3 + 1 ))" "$COORD" \
  -H 'Accept: text/csv' -H 'Accept-Language: en'
show GET "/reports/annual?year=$(date +%Y)&format=csv" "$COORD"

echo "== The coordination office tunes the soft rules' weights; the next run uses them"
# PUT replaces every weight: send back what you read, with the ones you change (here travel, 1 to 2).
WEIGHTS=$(call GET /admin/constraint-weights "$COORD")
show PUT /admin/constraint-weights "$COORD" "${json[@]}" -H "If-Match: \"$(number version <<< "$WEIGHTS")\"" \
  -d "{$(grep -o '"weights":{[^}]*}' <<< "$WEIGHTS" | sed 's/"travel":[0-9]*/"travel":2/')}"
show GET /admin/secondment-weights "$COORD"

echo "== Administrators give staff accounts their roles"
ROLES_VERSION=$(call GET /admin/users/agency-xinmin/roles "$ADMIN" | number version)
show PUT /admin/users/agency-xinmin/roles "$ADMIN" "${json[@]}" \
  -d "{\"roles\": [\"COUNTY_AGENCY\"], \"countyId\": \"xinmin\", \"version\": $ROLES_VERSION}"

echo "== Operators scrape the metrics (ADMIN, or the management port when one is set)"
curl -sS --fail "$BASE/actuator/prometheus" -H "Authorization: Bearer $ADMIN" | grep '^talent_' | head -12

echo "The tour is over."
