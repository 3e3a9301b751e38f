/** Korean message catalogue: must provide every key of the English one (checked by the compiler). */
import type { MessageKey } from './en.ts';

export const ko: Record<MessageKey, string> = {
  'app.title': '1951년 1월 한국',
  'app.subtitle': '중공군 신정 공세, 서울 함락(1·4 후퇴), 그리고 유엔군의 재반격',
  'app.skipToNarrative': '설명으로 건너뛰기',
  'app.loading': '지도를 불러오는 중…',
  'app.footer': '코드는 MIT 라이선스입니다. 기본 지도는 Natural Earth(퍼블릭 도메인), 하천은 GSHHG(LGPL)에서 가져왔습니다. 모든 전선과 문단에 출처를 밝혔습니다.',

  'lang.label': '언어',
  'lang.en': 'English',
  'lang.ko': '한국어',

  'slider.label': '날짜',
  'slider.valuetext': '{date} – {phase}',
  'slider.prevDay': '전날',
  'slider.nextDay': '다음 날',
  'slider.help': '화살표 키: 하루씩. Page Up/Page Down: 한 단계씩. Home/End: 첫날 또는 마지막 날.',

  'player.play': '재생',
  'player.pause': '일시 정지',
  'player.speed': '속도',
  'player.speed.slow': '느리게',
  'player.speed.normal': '보통',
  'player.speed.fast': '빠르게',

  'front.keyframe': '{date}의 전선(자료를 바탕으로 재구성).',
  'front.interpolated': '보간: {from} 전선과 {to} 전선 사이를 이어 그린 중간 모습이며, 자료로 확인된 위치가 아닙니다.',
  'front.plateau': '{from}부터 {to}까지 기록된 변화가 없어 {from}의 전선을 보여 줍니다.',
  'front.certainty.1': '문헌으로 확인됨',
  'front.certainty.2': '지명을 바탕으로 재구성함',
  'front.certainty.3': '대략적임',
  'front.worst': '가장 불확실한 부분: {grade}.',

  'narrative.heading': '무슨 일이 있었나',
  'narrative.phases': '단계',
  'narrative.sources': '출처',
  'narrative.phaseButton': '{date}: {name}',
  'narrative.frontSources': '전선의 출처',
  'narrative.cites': '출처: {keys}',

  'legend.title': '범례',
  'legend.un': '유엔군 쪽 (전선의 남쪽)',
  'legend.pva': '중공군·북한군 쪽 (빗금, 전선의 북쪽)',
  'legend.front': '전선',
  'legend.certainty.1': '문헌으로 확인됨',
  'legend.certainty.2': '지명을 바탕으로 재구성함',
  'legend.certainty.3': '대략적임',
  'legend.parallel': '38선',
  'legend.river': '하천',

  'side.UN': '유엔군',
  'side.PVA/KPA': '중공군·북한군',

  'query.hint': '지도를 누르면 그날 그곳을 어느 쪽이 차지했는지 볼 수 있습니다.',
  'query.result': '{date}에 {lngLat} 지점은 {side} 쪽이었고, 전선에서 {km} 떨어져 있었습니다.',
  'query.interpolatedNote': '이곳의 전선은 날짜가 확인된 두 전선 사이를 보간한 것입니다.',
  'query.close': '닫기',
  'query.choose': '또는 장소를 고르세요:',
  'query.choosePlaceholder': '— 장소 —',
  'place.spelling1951': '1951년 자료의 표기',
  'place.coordSource': '위치 출처',
  'place.coordSrc.G': 'GeoNames (현재 시가지 중심)',
  'place.coordSrc.W': '위키백과 좌표',
  'place.coordSrc.E': '추정 (수 km 이내)',
  'place.coordSrc.D': '역사 자료에 나온 거리나 방위로 계산',

  'map.label': '{date}의 전선을 보여 주는 한국 지도',
  'map.attribution': 'Natural Earth · GSHHG',

  'notice.badDate': '링크의 날짜 “{value}”는 올바른 날짜(YYYY-MM-DD)가 아니어서 {fallback}로 엽니다.',
  'notice.dateOutOfRange': '{value}은(는) 이 지도의 기간 밖이어서 가장 가까운 날짜인 {fallback}로 엽니다.',
  'notice.badLang': '“{value}” 언어는 지원하지 않습니다.',
  'notice.dismiss': '닫기',

  'error.load': '전역 자료를 불러오지 못했습니다.',
  'error.retry': '다시 시도',
  'error.webgl': '이 기기에서는 대화형 지도를 시작할 수 없습니다(WebGL 없음). 날짜와 설명은 그대로 쓸 수 있습니다.',

  'date.long': '{year}년 {month} {day}일',
  'date.short': '{month} {day}일',
  'unit.km': '{value}km',

  'month.1': '1월', 'month.2': '2월', 'month.3': '3월', 'month.4': '4월',
  'month.5': '5월', 'month.6': '6월', 'month.7': '7월', 'month.8': '8월',
  'month.9': '9월', 'month.10': '10월', 'month.11': '11월', 'month.12': '12월',
  'monthShort.1': '1월', 'monthShort.2': '2월', 'monthShort.3': '3월', 'monthShort.4': '4월',
  'monthShort.5': '5월', 'monthShort.6': '6월', 'monthShort.7': '7월', 'monthShort.8': '8월',
  'monthShort.9': '9월', 'monthShort.10': '10월', 'monthShort.11': '11월', 'monthShort.12': '12월',
};
