/**
 * The platform's time zone. Jadelive serves Chongqing's jade trade, so the console shows and takes
 * every time in Beijing time and booking weeks are counted in it. Asia/Shanghai has kept UTC+8
 * without daylight saving since 1991.
 */
export const PLATFORM_TIME_ZONE = 'Asia/Shanghai';
